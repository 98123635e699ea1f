// Types of gangmu (纲目) for JavaScript; the model is docs/FORMAT.md's.

export type NodeKind =
  | 'front' | 'preamble' | 'part' | 'section' | 'task' | 'point' | 'paragraph'
  | 'closing' | 'appendix' | 'back';
export type QuoteKind = 'attributed' | 'saying' | 'term';
export type DiagnosticKind = 'unclosed_quote' | 'unopened_quote' | 'series_gap' | 'empty_text';

/** [start, end) in code points of the text. */
export type Span = [number, number];

export interface Node {
  kind: NodeKind;
  label: string | null;
  heading: string;
  /** The key sentence (要句), when it says more than the heading. */
  key: KeySentence | null;
  span: Span;
  children: Node[];
}

export interface KeySentence {
  text: string;
  span: Span;
}

export interface Quote {
  kind: QuoteKind;
  text: string;
  speaker: string | null;
  span: Span;
}

export interface Diagnostic {
  kind: DiagnosticKind;
  span: Span;
}

export interface Document {
  title: string | null;
  nodes: Node[];
  quotes: Quote[];
  /** Present only when there are any. */
  diagnostics?: Diagnostic[];
  chars: number;
}

/** Loads the engine; await it once before parse or outline. */
export function init(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
/** The document of `text`. */
export function parse(text: string): Document;
/** The structure of `text` without its quotations (`quotes` is empty). */
export function outline(text: string): Document;
