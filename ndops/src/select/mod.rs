//! Selection: masks, where_, nonzero, take/put, diff, concatenate, stack (owned by the selection engineer).
