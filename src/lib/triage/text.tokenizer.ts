import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/** wink-nlp's type and normal form (lower case, contractions expanded) of each token of one message. */
export type TextTokens = {
  types: string[];
  normals: string[];
};

// An empty pipe makes wink-nlp tokenise only: sentence breaking, POS and NER would cost 3× the time
// and triage needs none of them.
let nlp: ReturnType<typeof winkNLP> | undefined;

function tokenizer(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, []);
  return nlp;
}

export function tokenizeText(text: string): TextTokens {
  const engine = tokenizer();
  const tokens = engine.readDoc(text).tokens();
  return {
    types: tokens.out(engine.its.type) as string[],
    normals: tokens.out(engine.its.normal) as string[],
  };
}
