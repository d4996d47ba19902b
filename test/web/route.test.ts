import { parseRoute } from '../../web/explore/route.js';

const route = (path: string) => parseRoute(new URL(path, 'http://localhost'));

describe('explorer routes', () => {
  it('reads shareable paper and concept URLs, ids decoded', () => {
    expect(route('/explore/paper/attention')).toEqual({ view: 'paper', id: 'attention' });
    expect(route('/explore/concept/method%3Aflashattention-2')).toMatchObject({ view: 'concept', id: 'method:flashattention-2' });
    expect(route('/explore/concept/method:transformer/graph')).toEqual({ view: 'concept-graph', id: 'method:transformer' });
    expect(route('/explore/paper/a%2Fb/graph')).toEqual({ view: 'paper-graph', id: 'a/b' });
  });

  it('reads the search, with its parameters, and the dashboard', () => {
    const search = route('/explore?q=attention&kind=concepts');
    expect(search.view).toBe('search');
    expect(search.view === 'search' && search.params.get('q')).toBe('attention');
    expect(route('/explore/')).toMatchObject({ view: 'search' });
    expect(route('/explore/dashboard')).toEqual({ view: 'dashboard' });
  });

  it('answers not-found for anything else, including a malformed id', () => {
    expect(route('/explore/paper')).toMatchObject({ view: 'not-found' });
    expect(route('/explore/paper/x/y')).toMatchObject({ view: 'not-found' });
    expect(route('/explore/paper/%E0%A4%A')).toMatchObject({ view: 'not-found' });
    expect(route('/explore/elsewhere')).toMatchObject({ view: 'not-found' });
  });
});
