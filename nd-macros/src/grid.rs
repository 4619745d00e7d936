//! `mgrid!` / `ogrid!`: each `start..stop;step` entry becomes one call on ndcore's
//! `GridBuilder`, whose type tracks whether any bound is a float (then the arrays are
//! `f64`, else `i64`, as NumPy's `result_type` decides).

use crate::lit::{NumLit, is_zero, num_lit, typed_float, typed_int};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, RangeLimits, Token};

/// Which grid.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `mgrid!`: full arrays.
    Dense,
    /// `ogrid!`: arrays of length `n` along one axis, 1 along the others.
    Open,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Dense => "mgrid!",
            Kind::Open => "ogrid!",
        }
    }
}

/// The step of an entry.
enum Step {
    /// `a..b`: step 1.
    Unit,
    /// `a..b;k`.
    Value(Expr),
    /// `a..b;5j` or `a..b;(n)j`: `n` points, `b` included.
    Count(TokenStream),
}

struct Entry {
    range: Expr,
    step: Step,
}

impl Parse for Entry {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let range: Expr = input.parse()?;
        if !input.peek(Token![;]) {
            return Ok(Entry {
                range,
                step: Step::Unit,
            });
        }
        input.parse::<Token![;]>()?;
        let step: Expr = input.parse()?;
        // `(n)j`: a parenthesized count followed by the ident `j`.
        if input.peek(syn::Ident) {
            let j: syn::Ident = input.parse()?;
            return match (&step, j == "j") {
                (Expr::Paren(p), true) => {
                    let n = &p.expr;
                    Ok(Entry {
                        range,
                        step: Step::Count(quote_spanned!(n.span()=>
                            ::core::convert::identity::<usize>(#n)
                        )),
                    })
                }
                _ => Err(syn::Error::new_spanned(
                    j,
                    "expected `,` after the step; a count computed at run time is written `(n)j`",
                )),
            };
        }
        let step = match num_lit(&step) {
            Some(NumLit::Int { neg, lit }) if lit.suffix() == "j" => {
                if neg {
                    return Err(syn::Error::new_spanned(
                        &step,
                        "the count form `Nj` takes a count N ≥ 0 (as in NumPy's `0:1:5j`)",
                    ));
                }
                let n: usize = lit.base10_parse()?;
                Step::Count(Literal::usize_suffixed(n).into_token_stream())
            }
            Some(NumLit::Float { lit, .. }) if lit.suffix() == "j" => {
                return Err(syn::Error::new_spanned(
                    &step,
                    "the count form `Nj` takes a whole number of points, such as `5j`",
                ));
            }
            _ => Step::Value(step),
        };
        Ok(Entry { range, step })
    }
}

/// A bound or step: unsuffixed literals get a concrete type (`i64`, `f64`), so nothing is
/// left to infer; other expressions go through ndcore's `GridNum`.
fn value(e: &Expr) -> TokenStream {
    typed_int(e, "i64")
        .or_else(|| typed_float(e))
        .unwrap_or_else(|| e.to_token_stream())
}

fn axis_call(entry: &Entry, kind: Kind) -> syn::Result<TokenStream> {
    let name = kind.name();
    let mut range = &entry.range;
    while let Expr::Group(g) = range {
        range = &g.expr;
    }
    let Expr::Range(r) = range else {
        return Err(syn::Error::new_spanned(
            &entry.range,
            format!("{name} takes ranges `start..stop`, optionally with `;step` or `;Nj`"),
        ));
    };
    if let RangeLimits::Closed(t) = &r.limits {
        return Err(syn::Error::new_spanned(
            t,
            format!(
                "{name} ranges exclude their stop, as NumPy's do: use `a..b`, or the count \
                 form `a..b;Nj` to include `b`"
            ),
        ));
    }
    let Some(stop) = &r.end else {
        return Err(syn::Error::new_spanned(
            r,
            format!("{name} needs a stop: write `start..stop`"),
        ));
    };
    let start = r.start.as_deref().map_or_else(|| quote!(0i64), value);
    let stop = value(stop);
    let span = entry.range.span();
    Ok(match &entry.step {
        Step::Unit => {
            // Built outside `quote_spanned!`: a literal spanned at the user's `0..` would
            // read as the source text `0` to lints.
            let one = quote!(1i64);
            quote_spanned!(span=> .axis(#start, #stop, #one))
        }
        Step::Value(s) if is_zero(s) => {
            return Err(syn::Error::new_spanned(
                s,
                format!(
                    "{name} step cannot be zero (NumPy divides by it); for a number of points \
                     use the count form, e.g. `;5j`"
                ),
            ));
        }
        Step::Value(s) => {
            let s = value(s);
            quote_spanned!(span=> .axis(#start, #stop, #s))
        }
        Step::Count(n) => quote_spanned!(span=> .count_axis(#start, #stop, #n)),
    })
}

/// Expands `mgrid![…]` / `ogrid![…]`.
pub fn expand(input: TokenStream, kind: Kind) -> TokenStream {
    let entries = match Punctuated::<Entry, Token![,]>::parse_terminated.parse2(input) {
        Ok(e) => e,
        Err(e) => return e.to_compile_error(),
    };
    if entries.is_empty() {
        return syn::Error::new(
            Span::call_site(),
            format!("{} needs at least one range, e.g. `0..10`", kind.name()),
        )
        .to_compile_error();
    }
    let mut calls = Vec::new();
    let mut errors: Option<syn::Error> = None;
    for entry in &entries {
        match axis_call(entry, kind) {
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
    let k = Literal::usize_unsuffixed(entries.len());
    let builder = quote!(::ndcore::grid::GridBuilder::<#k, _>::start() #(#calls)*);
    // NumPy: `mgrid[a:b]` (one slice, no comma) is arange-like and 1-d; `mgrid[a:b,]` is a
    // tuple key and gives a grid of one axis.
    if entries.len() == 1 && !entries.trailing_punct() {
        return quote!(#builder.single());
    }
    let names: Vec<_> = (0..entries.len())
        .map(|i| format_ident!("__nd_grid_{}", i))
        .collect();
    let finish = match kind {
        Kind::Dense => quote!(mgrid),
        Kind::Open => quote!(ogrid),
    };
    quote! {
        #builder.#finish().map(|[#(#names),*]| (#(#names,)*))
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, expand};
    use quote::quote;

    #[test]
    fn literals_are_typed_and_forms_chosen() {
        let t = expand(quote!(-100..100, 0.0..1.0;5j), Kind::Dense).to_string();
        assert!(t.contains(". axis ((- 100i64) , 100i64 , 1i64)"), "{t}");
        assert!(t.contains(". count_axis (0.0f64 , 1.0f64 , 5usize)"), "{t}");
        assert!(t.contains(". mgrid ()"), "{t}");
        let t = expand(quote!(..n;0.5), Kind::Open).to_string();
        assert!(t.contains(". axis (0i64 , n , 0.5f64)"), "{t}");
        assert!(t.ends_with(". single ()"), "{t}");
        let t = expand(quote!(0..3,), Kind::Open).to_string();
        assert!(t.contains(". ogrid ()"), "{t}");
        let t = expand(quote!(0.0..1.0;(n)j), Kind::Open).to_string();
        assert!(t.contains("identity :: < usize > (n)"), "{t}");
    }

    #[test]
    fn token_level_mistakes_are_compile_errors() {
        for (input, msg) in [
            (quote!(0..10;0), "step cannot be zero"),
            (quote!(0..=10), "ranges exclude their stop"),
            (quote!(0..), "needs a stop"),
            (quote!(5), "takes ranges"),
            (quote!(0.0..1.0;2.5j), "whole number of points"),
            (quote!(0.0..1.0;-5j), "count N ≥ 0"),
            (quote!(), "needs at least one range"),
        ] {
            let t = expand(input, Kind::Dense).to_string();
            assert!(t.contains("compile_error"), "{t}");
            assert!(t.contains(msg), "{msg}: {t}");
        }
    }
}
