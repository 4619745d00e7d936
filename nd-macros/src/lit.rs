//! Reading literals out of expressions: the macros treat `3`, `-3`, `2.5` specially so that
//! they get a concrete type (no `{integer}` left to infer) and a zero step is caught early.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::{Expr, ExprLit, ExprUnary, Lit, LitFloat, LitInt, UnOp};

/// A numeric literal, possibly negated.
pub enum NumLit<'a> {
    /// An integer literal.
    Int { neg: bool, lit: &'a LitInt },
    /// A float literal.
    Float { neg: bool, lit: &'a LitFloat },
}

/// `expr` as a possibly negated numeric literal, looking through parentheses.
pub fn num_lit(expr: &Expr) -> Option<NumLit<'_>> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) => Some(NumLit::Int { neg: false, lit }),
        Expr::Lit(ExprLit {
            lit: Lit::Float(lit),
            ..
        }) => Some(NumLit::Float { neg: false, lit }),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => match num_lit(expr)? {
            NumLit::Int { neg, lit } => Some(NumLit::Int { neg: !neg, lit }),
            NumLit::Float { neg, lit } => Some(NumLit::Float { neg: !neg, lit }),
        },
        Expr::Paren(p) => num_lit(&p.expr),
        Expr::Group(g) => num_lit(&g.expr),
        _ => None,
    }
}

/// Whether `expr` is a literal zero (`0`, `-0`, `0usize`, `0.0`).
pub fn is_zero(expr: &Expr) -> bool {
    match num_lit(expr) {
        Some(NumLit::Int { lit, .. }) => lit.base10_digits().bytes().all(|b| b == b'0'),
        Some(NumLit::Float { lit, .. }) => lit
            .base10_digits()
            .bytes()
            .all(|b| matches!(b, b'0' | b'.' | b'e' | b'E' | b'+' | b'-')),
        None => false,
    }
}

/// An unsuffixed integer literal (possibly negated) re-typed as `suffix`; `None` if `expr`
/// is not one.
pub fn typed_int(expr: &Expr, suffix: &str) -> Option<TokenStream> {
    match num_lit(expr)? {
        NumLit::Int { neg, lit } if lit.suffix().is_empty() => Some(signed(
            neg,
            LitInt::new(
                &format!("{}{suffix}", lit.base10_digits()),
                retyped(lit.span()),
            ),
        )),
        _ => None,
    }
}

/// An unsuffixed float literal (possibly negated) re-typed as `f64`; `None` otherwise.
pub fn typed_float(expr: &Expr) -> Option<TokenStream> {
    match num_lit(expr)? {
        NumLit::Float { neg, lit } if lit.suffix().is_empty() => {
            let digits = lit.base10_digits();
            // `2.` needs a digit before a suffix can follow.
            let zero = if digits.ends_with('.') { "0" } else { "" };
            Some(signed(
                neg,
                LitFloat::new(&format!("{digits}{zero}f64"), retyped(lit.span())),
            ))
        }
        _ => None,
    }
}

/// The span of a literal the macro rewrote: the user's location (errors point there), the
/// macro's context (lints on the user's source text, such as clippy's
/// `zero_prefixed_literal` reading `0` as the start of `0i64`, do not apply).
fn retyped(span: Span) -> Span {
    span.resolved_at(Span::call_site())
}

fn signed<T: quote::ToTokens>(neg: bool, lit: T) -> TokenStream {
    let span = Span::call_site();
    if neg {
        quote_spanned!(span=> (-#lit))
    } else {
        quote_spanned!(span=> #lit)
    }
}
