// The pure part of the example scripts in examples/sdk: the digest's text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDigest } from '../../../examples/sdk/digest.ts';
import { event, idea, project } from './fixtures.ts';

describe('weekly digest', () => {
  const digest = {
    community: 'Villeray',
    projects: [project('p1', { title: { fr: 'Jardin partagé', en: 'Shared garden' } })],
    events: [event('e1', '2026-04-02T18:30:00-04:00')],
    ideas: [idea('i1', 1), idea('i2', 12)],
  };

  it('in French', () => {
    const text = formatDigest(digest, 'fr');
    assert.match(text, /^Cette semaine dans Villeray\n=+\n/);
    assert.match(text, /Nouveaux projets\n-+\n• Jardin partagé \(par Cuisine collective\)/);
    assert.match(text, /• jeudi 2 avril (à )?18 h 30 : Atelier e1, Centre communautaire/);
    assert.match(text, /• Idée i1 \(1 appui\)\n• Idée i2 \(12 appuis\)/);
  });

  it('in English, with the French text where there is no translation', () => {
    const text = formatDigest({ ...digest, projects: [...digest.projects, project('p2', { title: { fr: 'Frigo communautaire' } })] }, 'en');
    assert.match(text, /^This week in Villeray/);
    assert.match(text, /• Shared garden \(by Cuisine collective\)/);
    assert.match(text, /• Frigo communautaire/);
    assert.match(text, /• Thursday, April 2,? (at )?6:30 p\.m\.: Atelier e1/);
    assert.match(text, /\(12 supporters\)/);
  });

  it('says when a section is empty', () => {
    assert.equal(formatDigest({ community: 'Villeray', projects: [], events: [], ideas: [] }, 'en').match(/Nothing new\./g)?.length, 3);
  });
});
