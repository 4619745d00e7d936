//! Comparisons and logic: `eq ne lt le gt ge`, `any`, `all` (in progress).
