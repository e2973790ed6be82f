import { describe, expect, it } from 'vitest';
import { SUGGESTION_CUES, suggestionCues } from './suggestion.cues.ts';
import { tokenizeText } from './text.tokenizer.ts';

const cuesOf = (text: string) => suggestionCues(tokenizeText(text));

describe('suggestionCues', () => {
  it('should mark an imperative when a clause opens with a change verb, after a softener too', () => {
    expect(cuesOf('Add a dark theme to the editor.')).toContain('<cue:imperative>');
    expect(cuesOf('The menu is fine. Please allow sorting by date.')).toContain('<cue:imperative>');
    expect(cuesOf('The editor adds a dark theme.')).not.toContain('<cue:imperative>');
  });

  it('should mark "would be nice" and wishes when they are phrased with contractions', () => {
    expect(cuesOf("It'd be really nice to have tabs")).toContain('<cue:would-be-nice>');
    expect(cuesOf("I'd love an export to CSV")).toContain('<cue:would-like>');
    expect(cuesOf('I wish the app had tabs')).toContain('<cue:wish>');
  });

  it('should mark "why not" and "there should be" when the expanded forms match', () => {
    expect(cuesOf("Why don't you add tabs?")).toContain('<cue:why-not>');
    expect(cuesOf('There should be an option to hide it')).toEqual(
      expect.arrayContaining(['<cue:there-should>', '<cue:need-a-way>']),
    );
  });

  it('should mark reports of what is missing when no way or option exists', () => {
    expect(cuesOf('There is no way to change the font')).toContain('<cue:no-way>');
  });

  it('should give no cue when a sentence is a plain description', () => {
    expect(cuesOf('My laptop has 8 GB of memory.')).toEqual([]);
  });

  it('should name every cue it can emit when asked for the list', () => {
    const emitted = cuesOf('Please add tabs? I suggest it instead of a popup, thanks');
    for (const cue of emitted) expect(SUGGESTION_CUES).toContain(cue.slice(5, -1));
  });
});
