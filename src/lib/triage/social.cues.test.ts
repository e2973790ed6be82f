import { describe, expect, it } from 'vitest';
import { socialCues } from './social.cues.ts';
import { tokenizeText } from './text.tokenizer.ts';

const cues = (text: string) => socialCues(tokenizeText(text));

describe('socialCues', () => {
  it('should mark sarcasm when thanks or praise emoji sit beside a failure', () => {
    expect(cues('thanks @acme for the mid-contract price rise 🙏')).toContain('<soc:sarcasm>');
    expect(cues('thanks @acme, the parcel came early')).not.toContain('<soc:sarcasm>');
  });

  it('should count the tagged brands and mark several asked at once', () => {
    const rfp = cues('@a @b @c @d who wants my business? need a new phone');
    expect(rfp).toContain('<soc:brands-3>');
    expect(rfp).toContain('<soc:brands-asked>');
    expect(cues('@a when do you open?')).toContain('<soc:brands-1>');
  });

  it('should mark a discount with an amount', () => {
    expect(cues('@apple student discount on the iPad Air? 10% off and I order tonight')).toContain(
      '<soc:discount-amount>',
    );
  });
});
