import type { LocalizedText, RevisionFields } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import { pick } from './format.ts';

export type ReviewedField = keyof RevisionFields;

/** One reviewed field's value as a reader sees it: text in the page's language (both when they differ), the image itself, a link. */
export function FieldValue({ field, value }: { field: ReviewedField; value: RevisionFields[ReviewedField] | undefined }) {
  const c = useRequestContext<WorkspaceEnv>();
  const lang = c.get('lang');
  if (value === undefined || value === null) return <span class="ws-hint">{c.get('t').curation.removed}</span>;
  if (field === 'image') {
    const image = value as { url: string; alt: LocalizedText };
    return <img src={image.url} alt={pick(image.alt, lang)} class="ws-preview" />;
  }
  if (field === 'place') {
    const place = value as { name: string; address: string };
    return <span>{`${place.name}, ${place.address}`}</span>;
  }
  if (field === 'link') return <a href={value as string}>{value as string}</a>;
  const text = value as LocalizedText;
  return (
    <>
      <span lang="fr-CA">{text.fr}</span>
      {text.en && (
        <>
          <br />
          <span lang="en-CA">{text.en}</span>
        </>
      )}
    </>
  );
}

/** The reviewed fields a revision changes, in the order a reader meets them. */
export const changedKeys = (changes: RevisionFields): ReviewedField[] =>
  (['title', 'summary', 'description', 'image', 'place', 'link'] as const).filter((k) => k in changes);
