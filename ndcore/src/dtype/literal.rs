//! The sliver of Python literal syntax a `descr` uses: strings, integers, lists and tuples.
//!
//! The input may come from a file header, so the parser never panics, never recurses deeper
//! than [`MAX_DEPTH`] and reports the byte where it stopped understanding.

/// Deeper nesting than any real data type has; it bounds the recursion on hostile input.
const MAX_DEPTH: usize = 64;

/// A parsed Python literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Lit {
    /// `'…'` or `"…"`, escapes resolved.
    Str(String),
    /// A decimal integer.
    Int(i64),
    /// `(a, b)`, `(a,)`, `()`.
    Tuple(Vec<Lit>),
    /// `[a, b]`.
    List(Vec<Lit>),
}

impl Lit {
    /// What kind of literal it is, for error messages.
    pub(super) fn describe(&self) -> &'static str {
        match self {
            Lit::Str(_) => "a string",
            Lit::Int(_) => "an integer",
            Lit::Tuple(_) => "a tuple",
            Lit::List(_) => "a list",
        }
    }
}

type Res<T> = Result<T, String>;

/// A cursor over the text being parsed.
pub(super) struct Parser<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    pub(super) fn new(src: &'a str) -> Parser<'a> {
        Parser { src, pos: 0 }
    }

    /// The text not parsed yet.
    pub(super) fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// Parses one literal, with the whitespace before and after it.
    pub(super) fn value(&mut self) -> Res<Lit> {
        let v = self.value_at(0)?;
        self.skip_ws();
        Ok(v)
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_ws(&mut self) {
        while let Some(' ' | '\t' | '\n' | '\r' | '\x0c') = self.peek() {
            self.pos += 1;
        }
    }

    fn unexpected(&self, wanted: &str) -> String {
        match self.peek() {
            None => format!("unexpected end of input, expected {wanted}"),
            Some(c) => format!("unexpected {c:?} at byte {}, expected {wanted}", self.pos),
        }
    }

    fn value_at(&mut self, depth: usize) -> Res<Lit> {
        if depth > MAX_DEPTH {
            return Err(format!(
                "nested more than {MAX_DEPTH} deep at byte {}",
                self.pos
            ));
        }
        self.skip_ws();
        match self.peek() {
            Some(q @ ('\'' | '"')) => {
                self.pos += 1;
                self.string(q).map(Lit::Str)
            }
            // Python 2 wrote field names as u'…'.
            Some('u' | 'U') if matches!(self.rest().as_bytes().get(1), Some(b'\'' | b'"')) => {
                self.pos += 1;
                self.value_at(depth)
            }
            Some('0'..='9' | '-' | '+') => self.integer().map(Lit::Int),
            Some('(') => {
                self.pos += 1;
                let (mut items, comma) = self.sequence(')', depth)?;
                match (items.pop(), comma) {
                    // `(x)` is x itself, only `(x,)` is a tuple.
                    (Some(only), false) if items.is_empty() => Ok(only),
                    (last, _) => {
                        items.extend(last);
                        Ok(Lit::Tuple(items))
                    }
                }
            }
            Some('[') => {
                self.pos += 1;
                self.sequence(']', depth).map(|(items, _)| Lit::List(items))
            }
            _ => Err(self.unexpected("a string, an integer, '(' or '['")),
        }
    }

    /// Items up to `close`; also says whether a comma was seen.
    fn sequence(&mut self, close: char, depth: usize) -> Res<(Vec<Lit>, bool)> {
        let mut items = Vec::new();
        let mut comma = false;
        loop {
            self.skip_ws();
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok((items, comma));
            }
            items.push(self.value_at(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.pos += 1;
                    comma = true;
                }
                Some(c) if c == close => {}
                _ => return Err(self.unexpected(&format!("',' or '{close}'"))),
            }
        }
    }

    fn integer(&mut self) -> Res<i64> {
        let start = self.pos;
        let negative = match self.peek() {
            Some('-') => true,
            Some('+') => false,
            _ => false,
        };
        if matches!(self.peek(), Some('-' | '+')) {
            self.pos += 1;
        }
        let mut value: i64 = 0;
        let mut digits = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            self.pos += 1;
            digits += 1;
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(d)))
                .ok_or_else(|| format!("integer at byte {start} is too large"))?;
        }
        if digits == 0 {
            return Err(self.unexpected("a digit"));
        }
        // Python 2 wrote long integers as `3L`.
        if let Some('L' | 'l') = self.peek() {
            self.pos += 1;
        }
        Ok(if negative { -value } else { value })
    }

    /// The body of a string after its opening `quote`.
    fn string(&mut self, quote: char) -> Res<String> {
        let start = self.pos.saturating_sub(1);
        let unterminated = || format!("string starting at byte {start} is not terminated");
        let mut out = String::new();
        loop {
            match self.bump().ok_or_else(unterminated)? {
                c if c == quote => return Ok(out),
                '\n' | '\r' => return Err(unterminated()),
                '\\' => self
                    .escape(&mut out)
                    .map_err(|e| format!("{e} at byte {}", self.pos))?,
                c => out.push(c),
            }
        }
    }

    /// One escape sequence after its backslash, as Python reads it.
    fn escape(&mut self, out: &mut String) -> Res<()> {
        let c = self.bump().ok_or("unterminated escape")?;
        let simple = match c {
            '\\' | '\'' | '"' => Some(c),
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'v' => Some('\x0b'),
            _ => None,
        };
        if let Some(s) = simple {
            out.push(s);
            return Ok(());
        }
        match c {
            // A backslash before a line break continues the string on the next line.
            '\n' => {}
            '0'..='7' => {
                let mut code = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            self.pos += 1;
                            code = code * 8 + d;
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(code).ok_or("invalid octal escape")?);
            }
            'x' | 'u' | 'U' => {
                let len = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex = self
                    .rest()
                    .get(..len)
                    .ok_or("truncated \\x, \\u or \\U escape")?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(format!("invalid \\{c} escape"));
                }
                let code = u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?;
                self.pos += len;
                out.push(char::from_u32(code).ok_or("escape is not a Unicode scalar value")?);
            }
            // Python keeps an unknown escape as it is (and warns).
            other => {
                out.push('\\');
                out.push(other);
            }
        }
        Ok(())
    }
}

/// Python's `repr()` of a `str`: `'x'`, `"it's"`, `'a\\nb'`, exactly as CPython quotes
/// and escapes it (the printer's implementation, [`crate::fmt::py_str`]).
pub(super) fn py_str(s: &str) -> String {
    crate::fmt::py_str(s)
}
