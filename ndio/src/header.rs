//! The `.npy` header: NumPy's magic string, version, and a Python dict literal giving the
//! dtype (`descr`), `fortran_order` and `shape`, padded so the data starts on a 64-byte
//! boundary.
//!
//! The dict is read by a small literal parser with a size cap: never an evaluator. It
//! accepts what NumPy's `ast.literal_eval` of a header accepts for these three keys
//! (either quote style, any key order, a trailing comma, spaces anywhere) and nothing else.

use ndcore::DType;
use ndcore::fmt::{py_str, py_tuple};

/// `\x93NUMPY`, the first six bytes of every `.npy` file.
pub const MAGIC: &[u8; 6] = b"\x93NUMPY";

/// NumPy's `ARRAY_ALIGN`: the data of a file NumPy writes starts at a multiple of 64.
pub const ARRAY_ALIGN: usize = 64;

/// NumPy's `GROWTH_AXIS_MAX_DIGITS`: spaces NumPy leaves so the header can be rewritten in
/// place when the array grows along its first (C) or last (F) axis.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// NumPy's default `max_header_size` for reading: longer headers are refused, as NumPy
/// refuses them without `allow_pickle`.
pub const MAX_HEADER_SIZE: usize = 10_000;

/// A `.npy` format version: (1, 0), (2, 0) or (3, 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// The major version.
    pub major: u8,
    /// The minor version.
    pub minor: u8,
}

impl Version {
    /// 1.0: a 2-byte header length, latin-1 text.
    pub const V1: Version = Version { major: 1, minor: 0 };
    /// 2.0: a 4-byte header length, latin-1 text.
    pub const V2: Version = Version { major: 2, minor: 0 };
    /// 3.0: a 4-byte header length, UTF-8 text.
    pub const V3: Version = Version { major: 3, minor: 0 };

    /// Bytes of the header-length field.
    fn length_bytes(self) -> usize {
        if self == Version::V1 { 2 } else { 4 }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// What a `.npy` header says: the array's dtype, shape and order, and where its data
/// starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The format version.
    pub version: Version,
    /// The element type.
    pub dtype: DType,
    /// Whether the data is in Fortran (column-major) order.
    pub fortran_order: bool,
    /// The array's shape.
    pub shape: Vec<usize>,
    /// The byte offset of the data in the file.
    pub data_offset: usize,
}

impl Header {
    /// The number of elements (1 for a 0-d array).
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    /// Whether the array has no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes of data the header promises (checked against overflow when parsed).
    pub fn data_len(&self) -> usize {
        self.len() * self.dtype.itemsize()
    }
}

/// How many bytes of a file to read before the header's length is known: the magic, the
/// version and a 4-byte length.
pub const PREFIX_LEN: usize = 12;

/// Reads the magic string and version and returns them with the header's length and the
/// offset of its text. `bytes` is the start of the file (at least as much as there is, up
/// to [`PREFIX_LEN`]).
///
/// # Errors
/// NumPy's words for a bad magic string or an unsupported version; a file too short to
/// hold the header's length.
pub fn read_prefix(bytes: &[u8]) -> Result<(Version, usize, usize), String> {
    if bytes.len() < MAGIC.len() + 2 {
        return Err(format!(
            "EOF: reading magic string, expected {} bytes got {}",
            MAGIC.len() + 2,
            bytes.len()
        ));
    }
    if &bytes[..6] != MAGIC {
        return Err(format!(
            "the magic string is not correct; expected b'\\x93NUMPY', got {}",
            py_bytes(&bytes[..6])
        ));
    }
    let version = Version {
        major: bytes[6],
        minor: bytes[7],
    };
    if ![Version::V1, Version::V2, Version::V3].contains(&version) {
        return Err(format!(
            "we only support format version (1,0), (2,0), and (3,0), not ({}, {})",
            version.major, version.minor
        ));
    }
    let n = version.length_bytes();
    let Some(len_bytes) = bytes.get(8..8 + n) else {
        return Err(format!(
            "EOF: reading array header length, expected {n} bytes got {}",
            bytes.len().saturating_sub(8)
        ));
    };
    let len = len_bytes
        .iter()
        .rev()
        .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
    Ok((version, len, 8 + n))
}

/// Parses the header's dict text (after the prefix) into a [`Header`].
///
/// # Errors
/// Everything NumPy refuses, in NumPy's words where it has them: text longer than
/// `max_size` characters, not UTF-8 in a version 3.0 file, not a dict, missing or extra
/// keys, a `descr` that is not a dtype, a `fortran_order` that is not `True`/`False`, a
/// shape that is not a tuple of non-negative integers or whose byte size overflows.
pub fn parse_header(
    version: Version,
    text_bytes: &[u8],
    data_offset: usize,
    max_size: usize,
) -> Result<Header, String> {
    let text: String = if version == Version::V3 {
        std::str::from_utf8(text_bytes)
            .map_err(|e| format!("the header is not valid UTF-8: {e}"))?
            .to_owned()
    } else {
        // latin-1: each byte is the code point of the same value.
        text_bytes.iter().map(|&b| char::from(b)).collect()
    };
    let chars = text.chars().count();
    if chars > max_size {
        return Err(format!(
            "Header info length ({chars}) is large and may not be safe to load securely \
             (the limit is {max_size} characters)"
        ));
    }
    let mut p = DictParser {
        text: &text,
        pos: 0,
    };
    let fields = p.dict()?;
    let Fields {
        descr,
        fortran_order,
        shape,
    } = fields;
    let (Some(dtype), Some(fortran_order), Some(shape)) = (descr, fortran_order, shape) else {
        return Err(format!(
            "Header does not contain the correct keys: {}",
            p.keys_seen()
        ));
    };
    let nbytes = shape
        .iter()
        .try_fold(dtype.itemsize().max(1), |acc, &n| acc.checked_mul(n.max(1)))
        .filter(|&b| b <= isize::MAX as usize);
    if nbytes.is_none() {
        return Err(format!(
            "shape {} of {} elements is too big: its byte size overflows",
            py_tuple(&shape),
            dtype.name()
        ));
    }
    if shape.len() > 64 {
        return Err(format!(
            "maximum supported dimension for an ndarray is currently 64, found {}",
            shape.len()
        ));
    }
    Ok(Header {
        version,
        dtype,
        fortran_order,
        shape,
        data_offset,
    })
}

/// The three values of the dict, as far as they were read.
#[derive(Default)]
struct Fields {
    descr: Option<DType>,
    fortran_order: Option<bool>,
    shape: Option<Vec<usize>>,
}

struct DictParser<'a> {
    text: &'a str,
    pos: usize,
}

impl DictParser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.rest().starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn context(&self) -> String {
        let rest: String = self.rest().chars().take(30).collect();
        format!(
            "at character {}: {rest:?}",
            self.text[..self.pos].chars().count()
        )
    }

    /// The keys of the dict in sorted order, as NumPy lists them.
    fn keys_seen(&self) -> String {
        let mut p = DictParser {
            text: self.text,
            pos: 0,
        };
        let mut keys = Vec::new();
        if p.eat('{') {
            while let Ok(k) = p.string() {
                keys.push(py_str(&k));
                if !p.eat(':') || p.skip_value().is_err() || !p.eat(',') {
                    break;
                }
            }
        }
        keys.sort();
        format!("[{}]", keys.join(", "))
    }

    fn dict(&mut self) -> Result<Fields, String> {
        if !self.eat('{') {
            // An empty header would otherwise end the message with nothing to show.
            let shown: String = self.text.trim_end().chars().take(80).collect();
            return Err(if shown.is_empty() {
                "Header is not a dictionary: the header is empty".into()
            } else {
                format!("Header is not a dictionary: {shown}")
            });
        }
        let mut fields = Fields::default();
        let mut extra = false;
        loop {
            if self.eat('}') {
                break;
            }
            let key = self
                .string()
                .map_err(|e| format!("Cannot parse header: a key must be a string; {e}"))?;
            if !self.eat(':') {
                return Err(format!(
                    "Cannot parse header: expected ':' {}",
                    self.context()
                ));
            }
            self.skip_ws();
            match key.as_str() {
                "descr" => {
                    let (dt, rest) = DType::from_descr_prefix(self.rest())
                        .map_err(|e| descr_error(self.rest(), &e))?;
                    self.pos = self.text.len() - rest.len();
                    if fields.descr.replace(dt).is_some() {
                        return Err("Cannot parse header: key 'descr' appears twice".into());
                    }
                }
                "fortran_order" => {
                    let v = if self.rest().starts_with("True") {
                        true
                    } else if self.rest().starts_with("False") {
                        false
                    } else {
                        let start = self.pos;
                        self.skip_value()?;
                        return Err(format!(
                            "fortran_order is not a valid bool: {}",
                            self.text[start..self.pos].trim()
                        ));
                    };
                    self.pos += if v { 4 } else { 5 };
                    if fields.fortran_order.replace(v).is_some() {
                        return Err("Cannot parse header: key 'fortran_order' appears twice".into());
                    }
                }
                "shape" => {
                    let shape = self.shape()?;
                    if fields.shape.replace(shape).is_some() {
                        return Err("Cannot parse header: key 'shape' appears twice".into());
                    }
                }
                _ => {
                    self.skip_value()?;
                    extra = true;
                }
            }
            if self.eat('}') {
                break;
            }
            if !self.eat(',') {
                return Err(format!(
                    "Cannot parse header: expected ',' or '}}' {}",
                    self.context()
                ));
            }
        }
        self.skip_ws();
        if !self.rest().is_empty() {
            return Err(format!(
                "Cannot parse header: text after the dict {}",
                self.context()
            ));
        }
        if extra {
            return Err(format!(
                "Header does not contain the correct keys: {}",
                self.keys_seen()
            ));
        }
        Ok(fields)
    }

    /// A Python string literal, `'…'` or `"…"`, with the escapes a key can have.
    fn string(&mut self) -> Result<String, String> {
        self.skip_ws();
        let mut chars = self.rest().char_indices();
        let quote = match chars.next() {
            Some((_, q @ ('\'' | '"'))) => q,
            _ => return Err(format!("expected a string {}", self.context())),
        };
        let mut out = String::new();
        let mut escaped = false;
        for (i, c) in chars {
            if escaped {
                out.push(match c {
                    'n' => '\n',
                    't' => '\t',
                    other => other,
                });
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == quote {
                self.pos += i + 1;
                return Ok(out);
            } else {
                out.push(c);
            }
        }
        Err(format!("unterminated string {}", self.context()))
    }

    /// A tuple of non-negative integers: `()`, `(3,)`, `(2, 3)`.
    fn shape(&mut self) -> Result<Vec<usize>, String> {
        let start = self.pos;
        let bad = |p: &mut Self| {
            let _ = p.skip_value();
            let end = p.pos.max(start);
            format!("shape is not valid: {}", p.text[start..end].trim())
        };
        if !self.eat('(') {
            return Err(bad(self));
        }
        let mut shape = Vec::new();
        loop {
            if self.eat(')') {
                break;
            }
            self.skip_ws();
            let digits = self.rest().bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                self.pos = start;
                return Err(bad(self));
            }
            let n: usize = self.rest()[..digits].parse().map_err(|_| {
                format!(
                    "shape is not valid: the length {} does not fit in a 64-bit integer",
                    &self.rest()[..digits]
                )
            })?;
            self.pos += digits;
            shape.push(n);
            if shape.len() > 64 {
                return Err(format!(
                    "maximum supported dimension for an ndarray is currently 64, found {}",
                    shape.len()
                ));
            }
            if self.eat(')') {
                // `(3)` is an int in Python, not a tuple.
                if shape.len() == 1 && !self.text[start..self.pos].contains(',') {
                    self.pos = start;
                    return Err(bad(self));
                }
                break;
            }
            if !self.eat(',') {
                self.pos = start;
                return Err(bad(self));
            }
        }
        Ok(shape)
    }

    /// Skips one literal value (to report it, or past an unknown key), bounded in depth.
    fn skip_value(&mut self) -> Result<(), String> {
        self.skip_ws();
        let mut depth = 0usize;
        let mut in_str: Option<char> = None;
        let mut escaped = false;
        for (i, c) in self.rest().char_indices() {
            if let Some(q) = in_str {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    in_str = None;
                }
                continue;
            }
            match c {
                '\'' | '"' => in_str = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                ',' | '}' | ')' | ']' if depth == 0 => {
                    self.pos += i;
                    return Ok(());
                }
                _ => {}
            }
        }
        Err(format!(
            "Cannot parse header: unterminated value {}",
            self.context()
        ))
    }
}

/// The error for a `descr` that is not a dtype: NumPy's `descr is not a valid dtype
/// descriptor`, or its object-array refusal.
///
/// Names the descr's whole literal (not the rest of the header, nor only up to its first
/// comma, which cut `[('a', '<i4'), ('a', '<f8')]` to `[('a'`) and the reason alone.
fn descr_error(text: &str, e: &ndcore::Error) -> String {
    let is_object = ["'|O'", "'O'", "'<O'", "'>O'", "\"|O\""]
        .iter()
        .any(|o| text.starts_with(o) || text.contains(&format!(", {o}")));
    if is_object {
        return "Object arrays cannot be loaded when allow_pickle=False".into();
    }
    let mut p = DictParser { text, pos: 0 };
    let lit = match p.skip_value() {
        Ok(()) => &text[..p.pos],
        Err(_) => text.lines().next().unwrap_or(""),
    }
    .trim();
    let lit = match lit.char_indices().nth(80) {
        Some((cut, _)) => format!("{}...", &lit[..cut]),
        None => lit.to_string(),
    };
    let why = match e {
        ndcore::Error::DType { why, .. } => why.clone(),
        other => other.to_string(),
    };
    format!("descr is not a valid dtype descriptor: {lit} ({why})")
}

/// A Python `repr` of bytes, as NumPy's magic-string error shows them.
fn py_bytes(b: &[u8]) -> String {
    let mut s = String::from("b'");
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\'' => s.push_str("\\'"),
            0x20..=0x7e => s.push(char::from(c)),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('\'');
    s
}

/// The header NumPy writes for an array, byte for byte, with the version NumPy would
/// choose (`None`) or the one asked for.
///
/// # Errors
/// NumPy's `Header length ... too big for version=...` when the asked version cannot hold
/// the header.
pub fn write_header(
    dtype: &DType,
    fortran_order: bool,
    shape: &[usize],
    version: Option<Version>,
) -> Result<Vec<u8>, String> {
    let mut text = format!(
        "{{'descr': {}, 'fortran_order': {}, 'shape': {}, }}",
        dtype.descr(),
        if fortran_order { "True" } else { "False" },
        py_tuple(shape)
    );
    // NumPy's room to grow the header in place along the axis that can grow.
    if let Some(&n) = if fortran_order {
        shape.last()
    } else {
        shape.first()
    } {
        let digits = n.to_string().len();
        text.push_str(&" ".repeat(GROWTH_AXIS_MAX_DIGITS.saturating_sub(digits)));
    }
    match version {
        Some(v) => wrap(&text, v),
        None => {
            // NumPy's guess: 1.0 if it fits, 2.0 if the text is latin-1, 3.0 otherwise.
            let latin1 = text.chars().all(|c| u32::from(c) < 256);
            if latin1 {
                wrap(&text, Version::V1).or_else(|_| wrap(&text, Version::V2))
            } else {
                wrap(&text, Version::V3)
            }
        }
    }
}

/// Magic, version, length and the text padded with spaces and a newline to a multiple of
/// [`ARRAY_ALIGN`].
fn wrap(text: &str, version: Version) -> Result<Vec<u8>, String> {
    let encoded: Vec<u8> = if version == Version::V3 {
        text.as_bytes().to_vec()
    } else {
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let b = u8::try_from(u32::from(c)).map_err(|_| {
                format!("the header cannot be written in version {version}: {c:?} is not latin-1")
            })?;
            out.push(b);
        }
        out
    };
    let len_bytes = version.length_bytes();
    let hlen = encoded.len() + 1;
    let padlen = ARRAY_ALIGN - ((MAGIC.len() + 2 + len_bytes + hlen) % ARRAY_ALIGN);
    let total = hlen + padlen;
    let too_big = || {
        format!(
            "Header length {hlen} too big for version=({}, {})",
            version.major, version.minor
        )
    };
    let mut out = Vec::with_capacity(MAGIC.len() + 2 + len_bytes + total);
    out.extend_from_slice(MAGIC);
    out.push(version.major);
    out.push(version.minor);
    if version == Version::V1 {
        let n = u16::try_from(total).map_err(|_| too_big())?;
        out.extend_from_slice(&n.to_le_bytes());
    } else {
        let n = u32::try_from(total).map_err(|_| too_big())?;
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(&encoded);
    out.resize(out.len() + padlen, b' ');
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_header_for_a_2x3_f8() {
        let dt = DType::float(8).unwrap();
        let h = write_header(&dt, false, &[2, 3], None).unwrap();
        assert_eq!(h.len() % 64, 0);
        let text = std::str::from_utf8(&h[10..]).unwrap();
        assert!(text.starts_with("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"));
        assert!(text.ends_with(" \n"));
        let (v, len, start) = read_prefix(&h).unwrap();
        assert_eq!((v, start, start + len), (Version::V1, 10, h.len()));
        let parsed = parse_header(v, &h[start..start + len], h.len(), MAX_HEADER_SIZE).unwrap();
        assert_eq!(parsed.shape, vec![2, 3]);
        assert_eq!(parsed.dtype, dt);
        assert!(!parsed.fortran_order);
    }

    #[test]
    fn headers_numpy_accepts() {
        for text in [
            "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }",
            "{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<f4\"}",
            "{'descr':'<i8','fortran_order':True,'shape':()}   \n",
            "{'shape': ( 2 , 3 ), 'fortran_order': False, 'descr': [('a', '<i4')],}",
        ] {
            let h = parse_header(Version::V1, text.as_bytes(), 64, MAX_HEADER_SIZE);
            assert!(h.is_ok(), "{text}: {h:?}");
        }
    }

    #[test]
    fn headers_numpy_refuses() {
        for (text, why) in [
            ("[1, 2]", "Header is not a dictionary"),
            (
                "{'descr': '<i8', 'fortran_order': False}",
                "correct keys: ['descr', 'fortran_order']",
            ),
            (
                "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), 'x': 1}",
                "correct keys",
            ),
            (
                "{'descr': '<i8', 'fortran_order': 1, 'shape': (3,)}",
                "fortran_order is not a valid bool: 1",
            ),
            (
                "{'descr': '<i8', 'fortran_order': False, 'shape': (-1,)}",
                "shape is not valid: (-1,)",
            ),
            (
                "{'descr': '<i8', 'fortran_order': False, 'shape': [3]}",
                "shape is not valid: [3]",
            ),
            (
                "{'descr': '<i8', 'fortran_order': False, 'shape': (3)}",
                "shape is not valid: (3)",
            ),
            (
                "{'descr': '<i8', 'fortran_order': False, 'shape': (1.5,)}",
                "shape is not valid",
            ),
            (
                "{'descr': '<f9', 'fortran_order': False, 'shape': (3,)}",
                "descr is not a valid dtype",
            ),
            (
                "{'descr': '|O', 'fortran_order': False, 'shape': (3,)}",
                "allow_pickle=False",
            ),
            (
                "{'descr': __import__('os'), 'fortran_order': False, 'shape': (3,)}",
                "descr is not a valid",
            ),
            (
                "{'descr': '<i8', 'fortran_order': False, 'shape': (3,)} xyz",
                "text after the dict",
            ),
            (
                "{'descr': '<i8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296)}",
                "overflows",
            ),
            ("{'descr': '<i8", "descr is not a valid"),
        ] {
            let e = parse_header(Version::V1, text.as_bytes(), 64, MAX_HEADER_SIZE).unwrap_err();
            assert!(e.contains(why), "{text}: {e}");
        }
        let long = format!(
            "{{'descr': '<i8', 'fortran_order': False, 'shape': (3,)}}{}",
            " ".repeat(10_000)
        );
        let e = parse_header(Version::V1, long.as_bytes(), 64, MAX_HEADER_SIZE).unwrap_err();
        assert!(e.starts_with("Header info length (10055) is large"), "{e}");
    }

    #[test]
    fn versions_as_numpy_chooses_them() {
        let dt = DType::float(8).unwrap();
        let h = write_header(&dt, false, &[2], Some(Version::V2)).unwrap();
        assert_eq!(&h[6..8], &[2, 0]);
        assert_eq!(h.len() % 64, 0);
        let e = read_prefix(b"\x93NUMPY\x04\x00").unwrap_err();
        assert_eq!(
            e,
            "we only support format version (1,0), (2,0), and (3,0), not (4, 0)"
        );
        let e = read_prefix(b"\x93NUMPZ\x01\x00").unwrap_err();
        assert_eq!(
            e,
            "the magic string is not correct; expected b'\\x93NUMPY', got b'\\x93NUMPZ'"
        );
    }
}
