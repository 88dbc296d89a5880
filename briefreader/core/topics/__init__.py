"""Topic segmentation, labels and extractive summaries of one briefing, and topics
that run across briefings.

``segment_briefing`` cuts a briefing into subjects on block boundaries:

- every format: headings (and short stand-alone header lines, such as bold lines
  after Markdown rendering) open a subject;
- reports and notes: cue phrases that open a subject ("Regarding …", "As for …",
  "Finally, …") and dips in lexical cohesion between neighbouring blocks (a
  TextTiling depth score over stemmed, stop-worded, idf-weighted term vectors,
  relative to the text's own depth scores); a paragraph that goes on quoting
  ("“…,” he said") or opens with anaphora ("He also…") stays with the one before;
- transcripts: a reporter's question opens a subject unless it follows up: a
  question that names the subject under way ("On the sanctions, …"), or shares
  enough of its key terms (a long question needs more, a follow-up cue less); a
  switch cue ("Switching topics", "separately") always opens one, and lead-ins with
  no content ("Just one more.") or the rest of an interrupted question never do. The
  briefer's statements are split per announcement (paragraph cues such as "Also,",
  "Tomorrow,", "I also want to…", a new official taking the floor, low cohesion); an
  answer splits where it takes up the second part of a question.
- segments too small to be a subject are merged into a neighbour.

Each segment gets a label (2–5 surface words: the subject its opening names, else its
best key phrases), keywords (5–8 surface words) and a summary of 1–2 whole sentences
chosen by centrality (degree centrality of the sentence similarity graph, as in
LexRank, computed through the segment centroid) with a position prior; never a
question, a greeting or turn-taking. Key terms are tf × idf over the briefing's
segments, weighted down for words most briefings use and words mostly used as verbs
(``background``); names of speakers and of reporters addressed ("Go ahead,
Peter.") never name a subject.

``corpus_topics`` groups segments of different briefings by the cosine of their
tf-idf key-term vectors (single-pass centroid clustering over an inverted index).

Pure Python, offline, and fast: one tokenisation pass per briefing, cached stems.

The modules, by phase:

- ``tokens``: tokenizer, stop words, stems; ``wordlists``: the word lists (``*.txt``);
- ``cues``: cue phrases (new subject, follow-up, switch, greeting, names);
- ``document``: the analysed briefing (sentences, block term vectors, idf, names);
- ``cohesion``: term vectors, cosine, TextTiling depth scores;
- ``prose``, ``transcript``, ``segmentation``: choosing the boundaries;
- ``keyterms`` (with ``background``: ``doc_percent.tsv``, ``verb_like.tsv``),
  ``phrases``, ``label``, ``summary``, ``describe``: describing each segment;
- ``outline``: ``segment_briefing``, the phases end to end;
- ``corpus``: ``corpus_topics``;
- ``build_background``: rebuilds the background tables from a corpus.
"""

from __future__ import annotations

from briefreader.core.topics.cohesion import depth_scores
from briefreader.core.topics.corpus import corpus_topics
from briefreader.core.topics.outline import segment_briefing
from briefreader.core.topics.tokens import stem_word, terms

__all__ = ["segment_briefing", "corpus_topics", "depth_scores", "stem_word", "terms"]
