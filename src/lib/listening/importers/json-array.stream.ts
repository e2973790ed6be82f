import { ImportFileError } from './mention.types.ts';

/**
 * The elements of one JSON array inside a large document, streamed: the array starts at the first `[` after
 * `startAfter` (a key such as `"orderedItems"`, or nothing for a file that is an array after a prefix such as
 * tweets.js's `window.YTD.tweets.part0 =`). Each element is handed over as its JSON text with the line it
 * starts on, so one broken element is reported and the rest still read.
 */
export async function* jsonArrayElements(
  text: AsyncIterable<string>,
  startAfter: string | null,
): AsyncGenerator<{ line: number; json: string }> {
  let buffer = '';
  let line = 1;
  type State = 'seek-key' | 'seek-array' | 'between' | 'element' | 'done';
  let state = (startAfter ? 'seek-key' : 'seek-array') as State;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let elementStart = -1;
  let elementLine = 0;
  let resume = 0; // characters of the buffer already scanned (a started element kept from the previous chunk)
  for await (const chunk of text) {
    buffer += chunk;
    let i = resume;
    resume = 0;
    if (state === 'seek-key') {
      const at = buffer.indexOf(startAfter!);
      if (at === -1) {
        // keep a tail in case the key is split across chunks
        const keep = Math.max(0, buffer.length - startAfter!.length);
        line += countLines(buffer, 0, keep);
        buffer = buffer.slice(keep);
        continue;
      }
      line += countLines(buffer, 0, at);
      i = at + startAfter!.length;
      state = 'seek-array';
    }
    for (; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          else if (c === 10) line++;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (depth === 0) {
            // a bare value element (number, string…) ended by the array's `]`
            yield { line: elementLine, json: buffer.slice(elementStart, i) };
            state = 'done';
            break;
          }
          depth--;
          if (depth === 0) {
            yield { line: elementLine, json: buffer.slice(elementStart, i + 1) };
            state = 'between';
          }
        } else if (c === 44 && depth === 0) {
          yield { line: elementLine, json: buffer.slice(elementStart, i) };
          state = 'between';
        } else if (c === 10) line++;
        continue;
      }
      if (c === 10) {
        line++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) continue;
      if (state === 'seek-array') {
        if (c === 91) state = 'between';
        else if (startAfter && c !== 58)
          throw new ImportFileError(`${startAfter} is not followed by an array`, line);
        continue;
      }
      if (state === 'between') {
        if (c === 44) continue;
        if (c === 93) {
          state = 'done';
          break;
        }
        state = 'element';
        elementStart = i;
        elementLine = line;
        depth = 0;
        if (c === 123 || c === 91) depth = 1;
        else if (c === 34) inString = true;
        continue;
      }
      if (state === 'done') break;
    }
    if ((state as State) === 'done') return;
    if ((state as State) === 'element') {
      buffer = buffer.slice(elementStart);
      elementStart = 0;
      resume = buffer.length;
      if (buffer.length > 64 * 1024 * 1024)
        throw new ImportFileError('an element is larger than 64 MB', elementLine);
    } else if ((state as State) !== 'seek-key') buffer = '';
  }
  if ((state as State) === 'seek-key' || (state as State) === 'seek-array')
    throw new ImportFileError(
      startAfter ? `no ${startAfter} array in the file` : 'no JSON array in the file',
      null,
    );
  if (state !== 'done') throw new ImportFileError('the file ends inside the array (truncated?)', line);
}

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
