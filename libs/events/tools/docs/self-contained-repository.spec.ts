import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// A clone is all a reader has: no tracked file may point at files beside the repository, and every
// section of the design page that a comment or page links to must be a heading of that page.

const repositoryRoot = resolve(__dirname, '../../../..');
const designFile = 'docs/design.md';

/** Built from parts, so this file does not trip its own check. */
const outsideReferences = [['..', 'shared', ''].join('/'), ['DESIGN', 'md'].join('.'), ['DESIGN', '§'].join(' '), ['STYLE', 'md'].join('.')];

function trackedTextFiles(): { file: string; text: string }[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: repositoryRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(repositoryRoot, file)));
  return files
    .map((file) => ({ file, bytes: readFileSync(join(repositoryRoot, file)) }))
    .filter(({ bytes }) => !bytes.subarray(0, 8000).includes(0))
    .map(({ file, bytes }) => ({ file, text: bytes.toString('utf8') }));
}

/** The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function designAnchors(): Set<string> {
  const headings = readFileSync(join(repositoryRoot, designFile), 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6}\s/.test(line))
    .map((line) => headingAnchor(line.replace(/^#+/, '')));
  return new Set(headings);
}

describe('the repository is self-contained', () => {
  const files = trackedTextFiles();

  it('has no tracked file that refers to files outside it', () => {
    const found = files.flatMap(({ file, text }) =>
      text.split('\n').flatMap((line, index) => {
        const hit = outsideReferences.find((reference) => line.includes(reference));
        if (!hit) return [];
        return [`${file}:${index + 1}: ${hit}`];
      }),
    );
    expect(found).toEqual([]);
  });

  it(`resolves every ${designFile}#anchor to a heading of ${designFile}`, () => {
    const anchors = designAnchors();
    const references = files.flatMap(({ file, text }) => {
      const named = [...text.matchAll(/design\.md#([\w-]+)/g)].map((match) => match[1]);
      const local = file === designFile ? [...text.matchAll(/\]\(#([\w-]+)\)/g)].map((match) => match[1]) : [];
      return [...named, ...local].map((anchor) => ({ file, anchor }));
    });
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter(({ anchor }) => !anchors.has(anchor)).map(({ file, anchor }) => `${file}: #${anchor}`)).toEqual([]);
  });

  it('derives anchors the way GitHub does', () => {
    expect(headingAnchor(' Invoicing and payments')).toBe('invoicing-and-payments');
    expect(headingAnchor('Back-pressure and shutdown')).toBe('back-pressure-and-shutdown');
    expect(headingAnchor('Events, and `topics`')).toBe('events-and-topics');
  });
});
