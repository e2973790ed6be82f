import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/** Tokens of one message with wink-nlp's type and normal form (lower case, contractions expanded). */
export type TextTokens = {
  raw: string[];
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
    raw: tokens.out(),
    types: tokens.out(engine.its.type) as string[],
    normals: tokens.out(engine.its.normal) as string[],
  };
}
