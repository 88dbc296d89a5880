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
- segments too small to be a subject are merged into a neighbour; a question and its
  answer are never split (a segment that would open on an answer opens on its question);
  a transcript keeps at most ``topic_budget`` subjects (5 plus one per 90 content words,
  at most 22), merging its closest neighbouring segments (small ones first).

Each segment gets a label (2–5 surface words: the subject its opening names, else its
best key phrases; a single lower-case word only when central to the segment — in its
questions and answers, or used often — and no verb, adjective or participle; never a
title, a first name of a longer name, an adjective of nationality or a name addressed;
labels repeated within a briefing are told apart), keywords (5–8 surface words) and a
summary of 1–2 sentences chosen by centrality (degree centrality of the sentence
similarity graph, as in LexRank, computed through the segment centroid) with a position
prior; never a question, a greeting, turn-taking, a deflection or referral
(``deflection.txt``), a headline or byline; the title, headline and dateline lines a
text opens with, and the discourse markers and vocatives a summary's first sentence
opens with ("Well, Peter, …"), are left out of its spans (``openings``); only the shown
summary capitalises its first letter. Key terms are tf × idf over the briefing's
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
- ``prose``, ``transcript``, ``segmentation``: choosing the boundaries (and the topic
  budget);
- ``openings``: titles, datelines, discourse markers and vocatives at a summary's start;
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
