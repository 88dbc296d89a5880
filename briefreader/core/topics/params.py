"""The parameters of topic segmentation, labels and summaries, in one place (meant to
generalise, not fitted to one document)."""

from __future__ import annotations

WINDOW = 2  # blocks on each side of a gap for the cohesion score
DEPTH_FLOOR = 0.25  # a cohesion dip below this never opens a subject on its own
DEPTH_SD = 1.0  # … nor one less than mean + DEPTH_SD × sd of the text's depth scores
STATEMENT_MIN_CONTENT = 8  # content words a statement paragraph needs to open a subject
SPEAKER_MIN_CONTENT = 25  # … and an official taking the floor, over their turn
QUESTION_MIN_CONTENT = 4  # a question with fewer content words is a lead-in
QUESTION_SIM = 0.08  # a question this close to the current subject follows up
FOLLOW_FACTOR = 0.5  # … or this times as close, with a follow-up cue
ANSWER_WEIGHT = 0.5  # weight of the answer's first paragraph in a question's terms
LONG_QUESTION = 10  # content words that make a long question
LONG_FACTOR = 2.0  # … which needs this times QUESTION_SIM to follow up
MIN_CONTENT_TERMS = 6  # a report segment with fewer content words is merged
TRANSCRIPT_MIN_CONTENT = 10  # … a transcript segment
CUED_BLOCK_CONTENT = 8  # a one-paragraph segment stands if cued and this long
SUMMARY_MAX_WORDS = 70
SUMMARY_CANDIDATES = 40  # sentences of a segment weighed for its summary
SCAN_UNITS = 24  # sentences of a segment read for its label's phrases and word forms
KEY_CANDIDATES = 30  # terms considered for a label and keywords
OPENER_BONUS = 1.5  # label weight of the words of a segment's opening question
MAX_TOPICS = 22  # a transcript has at most this many subjects …
BUDGET_BASE = 5  # … and at most this many plus one per BUDGET_WORDS content words
BUDGET_WORDS = 90
SMALL_SEGMENT = 120  # content words under which a segment is merged first to fit the budget
SMALL_MERGE_BONUS = 0.15
CENTRAL_COUNT = 3  # uses that make a term central to a transcript segment (one fewer in prose)
DISJOINT_COS = 0.05  # statement paragraphs this far apart split at a cue
OPENING_BLOCK_CONTENT = 15  # a transcript's opening paragraph this long is a subject of its own
NAME_PART_SHARE = 0.8  # a capitalised word this often followed by another is part of a name
SECOND_PART_SHARE = 0.4  # a label's second part scores at least this share of its first
