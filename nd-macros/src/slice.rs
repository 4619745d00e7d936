//! `s![]`: each entry becomes one call on ndcore's `SliceBuilder`, whose type counts the
//! axes taken, removed and added; `finish()` then names the output rank from the rank of
//! the array sliced (see `ndcore::slice::static_rank`).

use crate::lit::{NumLit, is_zero, num_lit, typed_int};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, ExprRange, RangeLimits, Token};

/// One entry between commas.
enum Entry {
    /// `...`
    Ellipsis(Token![...]),
    /// An expression (a range, an index, `NewAxis`, …) with an optional `;step`.
    Item {
        expr: Box<Expr>,
        step: Option<Box<Expr>>,
    },
}

impl Parse for Entry {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Token![...]) {
            return Ok(Entry::Ellipsis(input.parse()?));
        }
        if input.peek(Token![:]) || input.peek(Token![::]) {
            return Err(input.error(
                "NumPy's `a:b:k` is written `a..b;k` in s![] (`::2` is `..;2`, `::-1` is `..;-1`)",
            ));
        }
        let expr: Box<Expr> = Box::new(input.parse()?);
        if input.peek(Token![:]) || input.peek(Token![::]) {
            let start = quote!(#expr).to_string();
            return Err(input.error(format!(
                "NumPy's `a:b:k` is written `a..b;k` in s![]: `{start}:` starts a range, \
                 so write `{start}..` (`1:3` is `1..3`, `1:` is `1..`, `::2` is `..;2`)"
            )));
        }
        let step = if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
            Some(Box::new(input.parse()?))
        } else {
            None
        };
        Ok(Entry::Item { expr, step })
    }
}

/// The tokens of a bound, index or step: unsuffixed integer literals become `isize`
/// literals (nothing is left to infer); anything else goes through `SliceBound`.
fn bound(expr: &Expr) -> TokenStream {
    typed_int(expr, "isize")
        .unwrap_or_else(|| quote_spanned!(expr.span()=> ::ndcore::slice::bound(#expr)))
}

fn step_tokens(step: Option<&Expr>) -> syn::Result<TokenStream> {
    match step {
        None => Ok(quote!(1isize)),
        Some(s) if is_zero(s) => Err(syn::Error::new_spanned(
            s,
            "slice step cannot be zero (NumPy's ValueError); use a nonzero step such as `;1` or `;-1`",
        )),
        Some(s) => Ok(bound(s)),
    }
}

fn range_call(r: &ExprRange, step: Option<&Expr>) -> syn::Result<TokenStream> {
    let start = match &r.start {
        Some(e) => {
            let b = bound(e);
            quote!(::core::option::Option::Some(#b))
        }
        None => quote!(::core::option::Option::None),
    };
    let step = step_tokens(step)?;
    Ok(match (&r.limits, &r.end) {
        (RangeLimits::HalfOpen(_), None) => {
            quote!(.range(#start, ::core::option::Option::None, #step))
        }
        (RangeLimits::HalfOpen(_), Some(e)) => {
            let b = bound(e);
            quote!(.range(#start, ::core::option::Option::Some(#b), #step))
        }
        (RangeLimits::Closed(_), Some(e)) => {
            let b = bound(e);
            quote!(.range_inclusive(#start, #b, #step))
        }
        (RangeLimits::Closed(t), None) => {
            return Err(syn::Error::new_spanned(
                t,
                "an inclusive range `a..=b` needs its end `b`",
            ));
        }
    })
}

fn entry_call(entry: &Entry, ellipsis: &mut Option<Span>) -> syn::Result<TokenStream> {
    match entry {
        Entry::Ellipsis(dots) => {
            if ellipsis.is_some() {
                return Err(syn::Error::new_spanned(
                    dots,
                    "an index can only have a single ellipsis ('...'): s![] takes at most one `...`",
                ));
            }
            *ellipsis = Some(dots.span());
            Ok(quote!(.ellipsis()))
        }
        Entry::Item { expr, step } => {
            let mut inner: &Expr = expr;
            while let Expr::Group(g) = inner {
                inner = &g.expr;
            }
            if let Expr::Range(r) = inner {
                return range_call(r, step.as_deref());
            }
            if let Some(NumLit::Int { .. }) = num_lit(expr) {
                if let Some(s) = step {
                    return Err(syn::Error::new_spanned(
                        s,
                        format!(
                            "an integer index has no step: `{}` selects one element; \
                             for a range from it write `{}..;k`",
                            quote!(#expr),
                            quote!(#expr)
                        ),
                    ));
                }
                let i = bound(expr);
                return Ok(quote!(.index(#i)));
            }
            let span = expr.span();
            // `(1..5)` is a range value; its parentheses would be "unused" in the call.
            let expr: &Expr = match inner {
                Expr::Paren(p) => &p.expr,
                _ => expr,
            };
            match step {
                Some(s) => {
                    let s = step_tokens(Some(s))?;
                    Ok(quote_spanned!(span=> .stepped(#expr, #s)))
                }
                None => Ok(quote_spanned!(span=> .entry(#expr))),
            }
        }
    }
}

/// Expands `s![entries]` into `&SliceBuilder::start().….finish()`.
pub fn expand(input: TokenStream) -> TokenStream {
    let entries = match Punctuated::<Entry, Token![,]>::parse_terminated.parse2(input) {
        Ok(e) => e,
        Err(e) => return e.to_compile_error(),
    };
    let mut ellipsis = None;
    let mut calls = Vec::with_capacity(entries.len());
    let mut errors: Option<syn::Error> = None;
    for entry in &entries {
        match entry_call(entry, &mut ellipsis) {
            Ok(c) => calls.push(c),
            Err(e) => match &mut errors {
                Some(all) => all.combine(e),
                None => errors = Some(e),
            },
        }
    }
    if let Some(e) = errors {
        return e.to_compile_error();
    }
    let k = proc_macro2::Literal::usize_unsuffixed(entries.len());
    // `finish` carries the call site's span: a rank error then points at the s![] itself.
    let finish = quote_spanned!(Span::call_site()=> .finish());
    quote! {
        &::ndcore::slice::SliceBuilder::<#k, _, _, _>::start() #(#calls)* #finish
    }
}

#[cfg(test)]
mod tests {
    use super::expand;
    use quote::quote;

    fn text(t: proc_macro2::TokenStream) -> String {
        expand(t).to_string()
    }

    #[test]
    fn entries_become_builder_calls() {
        let t = text(quote!(1.., -1, ..;-2, NewAxis, ...));
        assert!(t.contains("SliceBuilder :: < 5"), "{t}");
        assert!(
            t.contains(". range (:: core :: option :: Option :: Some (1isize)"),
            "{t}"
        );
        assert!(t.contains(". index ((- 1isize))"), "{t}");
        assert!(t.contains("(- 2isize)"), "{t}");
        assert!(t.contains(". entry (NewAxis)"), "{t}");
        assert!(t.contains(". ellipsis ()"), "{t}");
        assert!(t.ends_with(". finish ()"), "{t}");
    }

    #[test]
    fn inclusive_ranges_and_values() {
        let t = text(quote!(a..=b;k, r;2, (0..3)));
        assert!(t.contains(". range_inclusive (:: core :: option :: Option :: Some (:: ndcore :: slice :: bound (a))"), "{t}");
        assert!(t.contains(". stepped (r , 2isize)"), "{t}");
        assert!(t.contains(". entry (0 .. 3)"), "{t}");
    }

    #[test]
    fn token_level_mistakes_are_compile_errors() {
        for (input, msg) in [
            (quote!(..;0), "slice step cannot be zero"),
            (quote!(1..5;-0), "slice step cannot be zero"),
            (quote!(..., 0, ...), "single ellipsis"),
            (quote!(2;3), "an integer index has no step"),
            (quote!(::2), "is written `a..b;k`"),
        ] {
            let t = text(input);
            assert!(t.contains("compile_error"), "{t}");
            assert!(t.contains(msg), "{msg}: {t}");
        }
    }
}
