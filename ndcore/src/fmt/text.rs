//! String elements as NumPy prints them: Python's `repr()` of the `bytes` or `str` value an
//! element holds (NumPy's `repr_format`), trailing NULs dropped as `.item()` drops them.

use super::printable::is_printable;

/// The quote Python's `repr()` picks: `"` when the text holds `'` but no `"`, else `'`.
fn quote_for(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// `b` without its trailing zero items.
fn strip_nuls<T: PartialEq + Default>(mut b: &[T]) -> &[T] {
    let zero = T::default();
    while let [rest @ .., last] = b {
        if *last != zero {
            break;
        }
        b = rest;
    }
    b
}

/// Python's `repr(bytes)` of a byte string element (`S`), trailing NULs dropped: `b'ab'`,
/// `b"it's"`, with `\\`, `\'`, `\t`, `\n`, `\r` and `\xNN` escapes.
pub(crate) fn write_py_bytes(b: &[u8], out: &mut String) {
    let b = strip_nuls(b);
    let quote = quote_for(b.contains(&b'\''), b.contains(&b'"'));
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if char::from(c) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(c)),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
}

/// The code points of a UCS-4 string element (`U`), read in its byte order, trailing NULs
/// dropped.
pub(crate) fn code_points(b: &[u8], swap: bool) -> Vec<u32> {
    let mut cps: Vec<u32> = b
        .chunks_exact(4)
        .map(|c| {
            let v = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
            if swap { v.swap_bytes() } else { v }
        })
        .collect();
    let n = strip_nuls(&cps).len();
    cps.truncate(n);
    cps
}

/// Python's `repr(str)` of a string element's code points: `'ab'`, `"it's"`, `'é'`, with
/// `\\`, the quote, `\t`, `\n`, `\r` escaped, other control and unprintable characters as
/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
///
/// A code point Python cannot hold (past U+10FFFF, where NumPy fails) prints as its
/// `\U` escape.
pub(crate) fn write_py_str(cps: &[u32], out: &mut String) {
    let quote = quote_for(
        cps.contains(&u32::from(b'\'')),
        cps.contains(&u32::from(b'"')),
    );
    out.push(quote);
    for &c in cps {
        match c {
            0x5c => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            _ if c == u32::from(quote) => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(c as u8)),
            0..=0x7f => out.push_str(&format!("\\x{c:02x}")),
            _ => match char::from_u32(c) {
                Some(ch) if is_printable(c) => out.push(ch),
                _ if c <= 0xff => out.push_str(&format!("\\x{c:02x}")),
                _ if c <= 0xffff => out.push_str(&format!("\\u{c:04x}")),
                _ => out.push_str(&format!("\\U{c:08x}")),
            },
        }
    }
    out.push(quote);
}

/// `str()` of a string scalar: the text itself. Code points Rust cannot hold in a `String`
/// (lone surrogates, past U+10FFFF) become U+FFFD.
pub(crate) fn plain_str(cps: &[u32]) -> String {
    cps.iter()
        .map(|&c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repr(s: &[u32]) -> String {
        let mut out = String::new();
        write_py_str(s, &mut out);
        out
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    #[test]
    fn str_repr_matches_python() {
        assert_eq!(repr(&cps("ab")), "'ab'");
        assert_eq!(repr(&cps("it's")), "\"it's\"");
        assert_eq!(repr(&cps("'\"")), "'\\'\"'");
        assert_eq!(
            repr(&cps("a\\b\t\n\r\x00\x7f")),
            "'a\\\\b\\t\\n\\r\\x00\\x7f'"
        );
        assert_eq!(repr(&cps("é中😀")), "'é中😀'");
        assert_eq!(
            repr(&cps("\u{a0}\u{ad}\u{2028}\u{e000}")),
            "'\\xa0\\xad\\u2028\\ue000'"
        );
        assert_eq!(
            repr(&[0xd800, 0xe0001, 0x11_0000]),
            "'\\ud800\\U000e0001\\U00110000'"
        );
    }

    #[test]
    fn ucs4_in_either_byte_order() {
        let le = [b'a', 0, 0, 0, 0xe9, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(code_points(&le, cfg!(target_endian = "big")), [0x61, 0xe9]);
        let be = [0, 0, 0, b'a', 0, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(code_points(&be, cfg!(target_endian = "little")), [0x61]);
        // Only trailing NULs go.
        let mid = [0, 0, 0, 0, b'x', 0, 0, 0];
        assert_eq!(code_points(&mid, cfg!(target_endian = "big")), [0, 0x78]);
    }
}
