/** An error the API answered (GraphQL `errors`) or a failed request, with a message fit to show. */
export class ApiError extends Error {}

/** Sends one operation to this server's /graphql, as any client would. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(`The server did not answer: ${(error as Error).message}`);
  }
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The server answered HTTP ${response.status} without JSON.`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('\n'));
  if (body.data === undefined) throw new ApiError(`The server answered HTTP ${response.status} without data.`);
  return body.data;
}
