//! Which elements are printed, and how they are laid out in lines: NumPy's
//! `_leading_trailing` (summarization) and `_formatArray` (brackets, separators, wrapping
//! with the continuation indent, blank lines between blocks).

/// The indices along an axis of length `n` that a summarized printout shows: `edge` from
/// each end, or all of them when the axis is short or the array is not summarized.
///
/// NumPy's recursion always prints the last item, so with `edge == 0` a summarized axis
/// shows `...` and its last item.
pub(crate) fn printed_indices(n: usize, summarize: bool, edge: usize) -> Vec<usize> {
    if summarize && n > edge.saturating_mul(2) {
        (0..edge).chain(n - edge.max(1)..n).collect()
    } else {
        (0..n).collect()
    }
}

/// The indices along an axis whose values decide the widths (NumPy's `_leading_trailing`):
/// the printed ones, except that with `edge == 0` NumPy's `a[-0:]` keeps the whole axis.
pub(crate) fn data_indices(n: usize, summarize: bool, edge: usize) -> Vec<usize> {
    if summarize && n > edge.saturating_mul(2) && edge > 0 {
        (0..edge).chain(n - edge..n).collect()
    } else {
        (0..n).collect()
    }
}

/// How to lay out an array's formatted elements.
pub(crate) struct Layout<'a> {
    /// The width lines may reach (NumPy's `linewidth` less the suffix; may be negative).
    pub(crate) line_width: isize,
    /// The indent of continuation lines: one space for `[`, plus the prefix (`array(`).
    pub(crate) next_line_prefix: String,
    /// Between elements: `" "` for `str`, `", "` for `repr`.
    pub(crate) separator: &'a str,
    pub(crate) edgeitems: usize,
    pub(crate) summarize: bool,
}

impl Layout<'_> {
    /// Lays out `words`, the formatted printed elements in C order, as an array of `shape`
    /// (at least one axis, no axis of length 0).
    pub(crate) fn format(&self, shape: &[usize], words: &[String]) -> String {
        let mut words = words.iter();
        let prefix = self.next_line_prefix.clone();
        self.recurse(shape, &mut words, &prefix, self.line_width)
    }

    fn recurse(
        &self,
        shape: &[usize],
        words: &mut std::slice::Iter<'_, String>,
        hanging: &str,
        width: isize,
    ) -> String {
        let Some((&len, rest)) = shape.split_first() else {
            return words.next().cloned().unwrap_or_default();
        };
        let next_hanging = format!("{hanging} ");
        let next_width = width - 1;
        let show_summary = self.summarize && self.edgeitems.saturating_mul(2) < len;
        let (leading, trailing) = if show_summary {
            (self.edgeitems, self.edgeitems)
        } else {
            (0, len)
        };
        // Items before the last: the leading ones, `...`, then trailing ones but the last.
        let mut items: Vec<Option<()>> = vec![Some(()); leading];
        if show_summary {
            items.push(None);
        }
        items.extend(std::iter::repeat_n(Some(()), trailing.saturating_sub(1)));

        let mut s = String::new();
        if rest.is_empty() {
            let sep_width = self.separator.trim_end().len().max(1) as isize;
            let elem_width = width - sep_width;
            let mut line = hanging.to_string();
            for item in items {
                let word = match item {
                    Some(()) => self.recurse(rest, words, &next_hanging, next_width),
                    None => "...".to_string(),
                };
                extend_line(&mut s, &mut line, &word, elem_width, hanging);
                line.push_str(self.separator);
            }
            let word = self.recurse(rest, words, &next_hanging, next_width);
            extend_line(&mut s, &mut line, &word, elem_width, hanging);
            s.push_str(&line);
        } else {
            let mut line_sep = self.separator.trim_end().to_string();
            line_sep.extend(std::iter::repeat_n('\n', rest.len()));
            for item in items {
                s.push_str(hanging);
                match item {
                    Some(()) => s.push_str(&self.recurse(rest, words, &next_hanging, next_width)),
                    None => s.push_str("..."),
                }
                s.push_str(&line_sep);
            }
            s.push_str(hanging);
            s.push_str(&self.recurse(rest, words, &next_hanging, next_width));
        }
        // The first line carries the hanging indent too; the bracket replaces it.
        format!("[{}]", s.get(hanging.len()..).unwrap_or(&s))
    }
}

/// NumPy's `_extendLine`: starts a new line (with the continuation indent) when `word`
/// would pass the width, unless the line holds nothing but the indent. Widths count
/// characters, as Python's `len()` does (`'é'` is one).
fn extend_line(s: &mut String, line: &mut String, word: &str, width: isize, next_prefix: &str) {
    let line_len = line.chars().count();
    let needs_wrap =
        (line_len + word.chars().count()) as isize > width && line_len > next_prefix.len();
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        line.clear();
        line.push_str(next_prefix);
    }
    line.push_str(word);
}

/// A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)`.
pub(crate) fn py_tuple<T: std::fmt::Display>(shape: &[T]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(T::to_string).collect();
            format!("({})", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lay(shape: &[usize], sep: &str, width: isize, summarize: bool) -> String {
        let printed: Vec<Vec<usize>> = shape
            .iter()
            .map(|&n| printed_indices(n, summarize, 3))
            .collect();
        let count: usize = printed.iter().map(Vec::len).product();
        let words: Vec<String> = (0..count).map(|i| i.to_string()).collect();
        Layout {
            line_width: width,
            next_line_prefix: " ".into(),
            separator: sep,
            edgeitems: 3,
            summarize,
        }
        .format(shape, &words)
    }

    #[test]
    fn blocks_and_wrapping() {
        assert_eq!(lay(&[2, 2], " ", 75, false), "[[0 1]\n [2 3]]");
        assert_eq!(lay(&[2, 1, 2], " ", 75, false), "[[[0 1]]\n\n [[2 3]]]");
        assert_eq!(lay(&[8], " ", 75, true), "[0 1 2 ... 3 4 5]");
        assert_eq!(
            lay(&[12], " ", 10, false),
            "[0 1 2 3\n 4 5 6 7\n 8 9 10\n 11]"
        );
    }

    #[test]
    fn indices_and_tuples() {
        assert_eq!(printed_indices(10, true, 3), [0, 1, 2, 7, 8, 9]);
        assert_eq!(printed_indices(10, true, 0), [9]);
        assert_eq!(data_indices(10, true, 0).len(), 10);
        assert_eq!(printed_indices(6, true, 3).len(), 6);
        assert_eq!(py_tuple::<usize>(&[]), "()");
        assert_eq!(py_tuple(&[3]), "(3,)");
        assert_eq!(py_tuple(&[2, 0]), "(2, 0)");
    }
}
