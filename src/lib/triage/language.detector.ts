import type { LanguageCode } from './triage.types.ts';

// Stop-word profiles: the most frequent function words of each language plus a few greetings and thanks,
// since short posts often have nothing else. Words shared by two languages ("de", "a") count for both.
const words = (list: string): string[] => list.trim().split(/\s+/);

const PROFILES: [LanguageCode, Set<string>][] = [
  [
    'en',
    new Set(
      words(`the and to of a in is it you that for on with this my are be was have at not your
    but can me we they do will just so what how why when there from our please thanks thank hi hello`),
    ),
  ],
  [
    'es',
    new Set(
      words(`el la de que y en los las un una por con para es no se del al lo mi como pero más
    muy está son tu su gracias hola por favor qué cuando donde también ya`),
    ),
  ],
  [
    'fr',
    new Set(
      words(`le la les de des et un une est que qui pour pas dans en du au ce il elle je vous
    nous avec sur mais mon ma très merci bonjour ne se c'est est-ce plus`),
    ),
  ],
  [
    'de',
    new Set(
      words(`der die das und ist nicht ich du sie es wir ein eine mit zu den dem von auf für
    auch noch aber wie mein ihr danke hallo bitte sehr warum wann schon`),
    ),
  ],
  [
    'pt',
    new Set(
      words(`o a os as de do da dos das e que em um uma para com não por se no na mais mas
    muito meu minha você obrigado obrigada olá está são também porque`),
    ),
  ],
  [
    'it',
    new Set(
      words(`il lo la gli le di che e un una per con non è sono del della nel mi ti si ma
    molto mio mia grazie ciao anche perché come questo questa`),
    ),
  ],
  [
    'nl',
    new Set(
      words(`de het een en van is dat niet ik je jij we wij zijn met voor op te maar ook
    mijn bedankt dank hallo alsjeblieft waarom wanneer heel nog`),
    ),
  ],
];

// Scripts that name their language outright; kana is checked before Han so Japanese is not read as Chinese.
const SCRIPTS: [LanguageCode, RegExp][] = [
  ['ar', /\p{Script=Arabic}/u],
  ['ru', /\p{Script=Cyrillic}/u],
  ['ko', /\p{Script=Hangul}/u],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['zh', /\p{Script=Han}/u],
];

const WORD = /[\p{L}']+/gu;

/** Best guess from scripts, then stop-word hits; 'und' when nothing matches or two languages tie. */
export function detectLanguage(text: string): LanguageCode {
  for (const [code, script] of SCRIPTS) if (script.test(text)) return code;
  const tokens = text.toLowerCase().match(WORD) ?? [];
  let best: LanguageCode = 'und';
  let bestHits = 0;
  let tie = false;
  for (const [code, profile] of PROFILES) {
    let hits = 0;
    for (const token of tokens) if (profile.has(token)) hits++;
    if (hits > bestHits) [best, bestHits, tie] = [code, hits, false];
    else if (hits === bestHits && hits > 0) tie = true;
  }
  return tie ? 'und' : best;
}
