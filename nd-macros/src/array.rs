//! `array![]`: the nesting of bracketed literals gives the shape, checked here so that a
//! ragged literal fails to compile with the row named; the leaves go into a `vec![]` in C
//! order.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Token};

/// The most axes a static rank has (`Ix6`).
const MAX_DEPTH: usize = 6;

fn peel(e: &Expr) -> &Expr {
    match e {
        Expr::Group(g) => peel(&g.expr),
        _ => e,
    }
}

fn path_str(path: &[usize]) -> String {
    path.iter().map(|i| format!("[{i}]")).collect()
}

/// The elements, refusing `[x; n]` with a message (syn would only say "expected `,`").
fn parse_elems(input: ParseStream) -> syn::Result<Punctuated<Expr, Token![,]>> {
    let mut elems = Punctuated::new();
    while !input.is_empty() {
        let e: Expr = input.parse()?;
        if input.peek(Token![;]) {
            return Err(input.error(
                "`array![x; n]` repeat form is not supported: use `Array::full(shape, x)`",
            ));
        }
        elems.push_value(e);
        if input.is_empty() {
            break;
        }
        elems.push_punct(input.parse()?);
    }
    Ok(elems)
}

struct Walk<'a> {
    shape: Vec<usize>,
    leaves: Vec<&'a Expr>,
}

impl<'a> Walk<'a> {
    fn level(
        &mut self,
        elems: &'a Punctuated<Expr, Token![,]>,
        path: &mut Vec<usize>,
    ) -> syn::Result<()> {
        let depth = path.len();
        let inner = depth + 1 < self.shape.len();
        for (i, e) in elems.iter().enumerate() {
            path.push(i);
            let first: Vec<usize> = vec![0; path.len()];
            match (peel(e), inner) {
                (Expr::Array(a), true) => {
                    let want = self.shape[depth + 1];
                    if a.elems.len() != want {
                        return Err(syn::Error::new_spanned(
                            e,
                            format!(
                                "ragged `array!` literal: row {} has {} elements but row {} has {want}",
                                path_str(path),
                                a.elems.len(),
                                path_str(&first),
                            ),
                        ));
                    }
                    self.level(&a.elems, path)?;
                }
                (_, true) => {
                    return Err(syn::Error::new_spanned(
                        e,
                        format!(
                            "ragged `array!` literal: element {} is a scalar but {} is a row; \
                             every row at one depth must be a bracketed list",
                            path_str(path),
                            path_str(&first),
                        ),
                    ));
                }
                (Expr::Array(_), false) => {
                    return Err(syn::Error::new_spanned(
                        e,
                        format!(
                            "ragged `array!` literal: element {} is a row but {} is a scalar; \
                             every element at one depth must be nested alike",
                            path_str(path),
                            path_str(&first),
                        ),
                    ));
                }
                (Expr::Repeat(_), false) => {
                    return Err(syn::Error::new_spanned(
                        e,
                        "`[x; n]` is not supported inside `array!`: write the elements out, \
                         or use `Array::full(shape, x)`",
                    ));
                }
                (_, false) => self.leaves.push(e),
            }
            path.pop();
        }
        Ok(())
    }
}

/// Expands `array![…]` into a call of `ndcore::macro_support::array_literal`.
pub fn expand(input: TokenStream) -> TokenStream {
    let elems = match parse_elems.parse2(input) {
        Ok(e) => e,
        Err(e) => return e.to_compile_error(),
    };
    // The shape follows the first element down; every other row is checked against it.
    let mut shape = vec![elems.len()];
    let mut first = elems.first();
    while let Some(Expr::Array(a)) = first.map(peel) {
        shape.push(a.elems.len());
        first = a.elems.first();
    }
    if shape.len() > MAX_DEPTH {
        return syn::Error::new_spanned(
            &elems,
            format!(
                "`array!` literal nests {} levels deep; static ranks stop at {MAX_DEPTH} (Ix6)",
                shape.len()
            ),
        )
        .to_compile_error();
    }
    let mut walk = Walk {
        shape,
        leaves: Vec::new(),
    };
    if let Err(e) = walk.level(&elems, &mut Vec::new()) {
        return e.to_compile_error();
    }
    let depth = Literal::usize_unsuffixed(walk.shape.len());
    let shape = walk.shape.iter().map(|&n| Literal::usize_unsuffixed(n));
    let leaves = &walk.leaves;
    quote! {
        ::ndcore::macro_support::array_literal::<_, ::ndcore::slice::Axes<#depth>, _>(
            [#(#shape),*],
            ::std::vec![#(#leaves),*],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::expand;
    use quote::quote;

    #[test]
    fn shape_and_leaves_in_c_order() {
        // The input of `array![[1, 2, 3], [4, 5, 6]]`.
        let t = expand(quote!([1, 2, 3], [4, 5, 6])).to_string();
        assert!(t.contains("Axes < 2 >"), "{t}");
        assert!(t.contains("[2 , 3]"), "{t}");
        assert!(t.contains("vec ! [1 , 2 , 3 , 4 , 5 , 6]"), "{t}");
        let t = expand(quote!()).to_string();
        assert!(t.contains("Axes < 1 >") && t.contains("[0]"), "{t}");
        let t = expand(quote!([],)).to_string();
        assert!(t.contains("Axes < 2 >") && t.contains("[1 , 0]"), "{t}");
    }

    #[test]
    fn ragged_and_malformed_literals_name_the_row() {
        for (input, msg) in [
            (
                quote!([1, 2], [3]),
                "row [1] has 1 elements but row [0] has 2",
            ),
            (
                quote!([[1], [2]], [[3], [4, 5]]),
                "row [1][1] has 2 elements but row [0][0] has 1",
            ),
            (
                quote!([1, 2], 3),
                "element [1] is a scalar but [0] is a row",
            ),
            (quote!(1, [2]), "element [1] is a row but [0] is a scalar"),
            (quote!(0; 3), "repeat form is not supported"),
            (quote!([[0; 2]]), "`[x; n]` is not supported"),
            (quote!([[[[[[1]]]]]]), "nests 7 levels deep"),
        ] {
            let t = expand(input).to_string();
            assert!(t.contains("compile_error"), "{t}");
            assert!(t.contains(msg), "{msg}: {t}");
        }
    }
}
