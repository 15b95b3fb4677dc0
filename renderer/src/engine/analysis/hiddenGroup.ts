// Its own module, so the toolbar's one-person dialog can name it without loading the masking code.

/** What a hidden role or department is called in an export (one label for all of them, so none can be told apart). */
export const HIDDEN_GROUP = 'Other (hidden: one person each)';
