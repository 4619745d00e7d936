//! `nd-derive`: `#[derive(Record)]`, structs whose arrays are NumPy's structured arrays.
//! Re-exported by ndcore as `ndcore::Record`; see `ndcore::record` for the guide.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type, parse_macro_input};

/// Implements `ndcore::Element` with NumPy's structured dtype for a `#[repr(C)]` struct,
/// and the field accessors `<Name>Fields` (`x.time()`, `x.pos().x()`) and
/// `<Name>FieldsMut` (`x.time_mut()`): views with the record's strides, no copy.
///
/// Field attributes: `#[record(name = "…")]` (the NumPy name, when it is not the Rust
/// one); `#[record(pad)]` on a `[u8; N]` field: padding, left out of the dtype.
/// Struct attribute `#[record(checked)]`: the record holds a record with a `bool` field, so
/// its bytes are checked when read (records with a `bool` field of their own are, always).
#[proc_macro_derive(Record, attributes(record))]
pub fn derive_record(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// How the struct is laid out, from its `#[repr(...)]`.
#[derive(PartialEq)]
enum Repr {
    C,
    Packed,
}

fn repr_of(input: &DeriveInput) -> syn::Result<Repr> {
    let mut c = false;
    let mut packed = false;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("repr")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("C") {
                c = true;
            } else if meta.path.is_ident("packed") {
                packed = true;
                if meta.input.peek(syn::token::Paren) {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let n: syn::LitInt = content.parse()?;
                    if n.base10_parse::<u32>()? != 1 {
                        return Err(meta.error("#[derive(Record)] supports `packed` (= 1) only"));
                    }
                }
            } else if meta.path.is_ident("align") {
                let content;
                syn::parenthesized!(content in meta.input);
                let _: syn::LitInt = content.parse()?;
            }
            Ok(())
        })?;
    }
    match (c, packed) {
        (true, false) => Ok(Repr::C),
        (true, true) => Ok(Repr::Packed),
        _ => Err(syn::Error::new(
            Span::call_site(),
            "#[derive(Record)] needs `#[repr(C)]` (or `#[repr(C, packed)]`): Rust's default \
             layout may reorder fields, and a record's bytes must be where its dtype says",
        )),
    }
}

/// One field: its Rust name, NumPy name, type, and whether it is padding.
struct RecordField {
    ident: Ident,
    name: String,
    ty: Type,
    pad: bool,
}

fn fields_of(input: &DeriveInput) -> syn::Result<Vec<RecordField>> {
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(
            Span::call_site(),
            "#[derive(Record)] is for structs with named fields",
        ));
    };
    let Fields::Named(named) = &data.fields else {
        return Err(syn::Error::new(
            Span::call_site(),
            "#[derive(Record)] needs named fields: they become the dtype's field names",
        ));
    };
    let mut out = Vec::new();
    for f in &named.named {
        let ident = f
            .ident
            .clone()
            .ok_or_else(|| syn::Error::new_spanned(f, "unnamed field"))?;
        let mut name = ident.to_string().trim_start_matches("r#").to_string();
        let mut pad = false;
        for attr in f.attrs.iter().filter(|a| a.path().is_ident("record")) {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("pad") {
                    pad = true;
                    Ok(())
                } else if meta.path.is_ident("name") {
                    let lit: LitStr = meta.value()?.parse()?;
                    name = lit.value();
                    Ok(())
                } else {
                    Err(meta.error("expected `#[record(name = \"…\")]` or `#[record(pad)]`"))
                }
            })?;
        }
        out.push(RecordField {
            ident,
            name,
            ty: f.ty.clone(),
            pad,
        });
    }
    let mut seen = std::collections::HashSet::new();
    for f in out.iter().filter(|f| !f.pad) {
        if !seen.insert(f.name.clone()) {
            return Err(syn::Error::new_spanned(
                &f.ident,
                format!("two fields are named '{}' in the dtype", f.name),
            ));
        }
    }
    Ok(out)
}

fn expand(input: &DeriveInput) -> syn::Result<TokenStream2> {
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "#[derive(Record)] does not support generic parameters: a dtype is one fixed layout",
        ));
    }
    let repr = repr_of(input)?;
    let fields = fields_of(input)?;
    // Records with a `bool` (not every byte a valid value) are checked when read: their
    // bytes go through a `Bits` twin and each field's own check.
    let mut checked = fields.iter().any(|f| !f.pad && is_bool(&f.ty));
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("record")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("checked") {
                checked = true;
                Ok(())
            } else {
                Err(meta.error("expected `#[record(checked)]` (for records with bool fields in nested records)"))
            }
        })?;
    }
    let name = &input.ident;
    let vis = &input.vis;
    let nd = quote!(::ndcore);
    let checks = quote!(#nd::element::__record_checks);

    // Data fields are checked by the bound of `field_dtype` in `dtype()` (once: a second
    // check here would repeat each error).
    let field_checks = fields.iter().filter(|f| f.pad).map(|f| {
        let ty = &f.ty;
        quote!(#checks::pad::<#ty>();)
    });
    let sizes = fields.iter().map(|f| {
        let ty = &f.ty;
        quote!(::core::mem::size_of::<#ty>())
    });
    let padding_message = format!(
        "`{name}` has padding bytes between or after its fields: Rust may not read them, so \
         records cannot have any. Reorder the fields, or declare the padding as a \
         `#[record(pad)] _pad: [u8; N]` field (left out of the dtype, as NumPy's align=True \
         describes padding by offsets)"
    );
    let dtype_fn = if checked {
        format_ident!("checked_field_dtype")
    } else {
        format_ident!("field_dtype")
    };
    let dtype_fields = fields.iter().filter(|f| !f.pad).map(|f| {
        let (ident, ty, fname) = (&f.ident, &f.ty, &f.name);
        quote! {
            #nd::Field::new(#fname, #checks::#dtype_fn::<#ty>(), ::core::mem::offset_of!(#name, #ident))
        }
    });
    let panic_message = format!("#[derive(Record)] on {name}: {{}}");

    let fields_trait = format_ident!("{}Fields", name);
    let fields_mut_trait = format_ident!("{}FieldsMut", name);
    let data_fields: Vec<&RecordField> = fields.iter().filter(|f| !f.pad).collect();
    let accessors = if repr == Repr::C {
        view_accessors(name, vis, &fields_trait, &fields_mut_trait, &data_fields)
    } else {
        copy_accessors(name, vis, &fields_trait, &fields_mut_trait, &data_fields)
    };

    let bit_impls = if checked {
        checked_impls(name, vis, &repr, &fields)
    } else {
        quote! {
            // SAFETY: `#[repr(C)]` (checked by the derive) with every field `Pod` (checked
            // by `field_dtype`'s bound) and no padding (the size check above): all-zero
            // bytes are a valid value.
            unsafe impl #nd::__bytemuck::Zeroable for #name {}
            // SAFETY: as above: no padding, so every byte is initialized, and every field
            // accepts any bit pattern, so the struct does.
            unsafe impl #nd::__bytemuck::Pod for #name {}
        }
    };

    Ok(quote! {
        const _: () = {
            #(#field_checks)*
            ::core::assert!(
                ::core::mem::size_of::<#name>() == 0 #(+ #sizes)*,
                #padding_message
            );
        };

        #bit_impls

        // SAFETY: the dtype lists every non-padding field at its `offset_of!` with its own
        // (checked) dtype, and the item size is the struct's size: it describes the bytes
        // of the struct exactly; padding fields are bytes NumPy describes as gaps.
        unsafe impl #nd::Element for #name {
            fn dtype() -> #nd::DType {
                let fields = ::std::vec![#(#dtype_fields),*];
                match #nd::DType::record(fields, ::core::mem::size_of::<#name>()) {
                    ::core::result::Result::Ok(dtype) => dtype,
                    ::core::result::Result::Err(e) => ::core::panic!(#panic_message, e),
                }
            }
        }

        #accessors
    })
}

/// Whether a field's type is written `bool`.
fn is_bool(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident("bool"))
}

/// `Zeroable`, `NoUninit` and `CheckedBitPattern` for a record with a field that not every
/// byte pattern is valid for: a twin struct of the fields' `Bits` holds the raw bytes, and
/// a record is valid when each field is.
fn checked_impls(
    name: &Ident,
    vis: &syn::Visibility,
    repr: &Repr,
    fields: &[RecordField],
) -> TokenStream2 {
    let nd = quote!(::ndcore);
    let bm = quote!(#nd::__bytemuck);
    let bits = format_ident!("__{}Bits", name);
    let repr_attr = match repr {
        Repr::C => quote!(#[repr(C)]),
        Repr::Packed => quote!(#[repr(C, packed)]),
    };
    let bit_fields = fields.iter().map(|f| {
        let (ident, ty) = (&f.ident, &f.ty);
        quote!(#ident: <#ty as #bm::CheckedBitPattern>::Bits)
    });
    let checks = fields.iter().map(|f| {
        let (ident, ty) = (&f.ident, &f.ty);
        // A copy of the field: a packed twin's fields may be misaligned.
        quote!(&& <#ty as #bm::CheckedBitPattern>::is_valid_bit_pattern(&{ bits.#ident }))
    });
    let doc = format!("The raw bytes of a `{name}`, before they are checked.");
    quote! {
        #[doc = #doc]
        #[doc(hidden)]
        #[derive(Clone, Copy)]
        #[allow(non_camel_case_types, dead_code)]
        #repr_attr
        #vis struct #bits {
            #(#bit_fields),*
        }
        const _: () = ::core::assert!(
            ::core::mem::size_of::<#bits>() == ::core::mem::size_of::<#name>()
                && ::core::mem::align_of::<#bits>() == ::core::mem::align_of::<#name>()
        );
        // SAFETY: each field's `Bits` accepts any bytes (bytemuck's contract), and the twin
        // has no padding (same size as the record, which has none).
        unsafe impl #bm::Zeroable for #bits {}
        // SAFETY: as above.
        unsafe impl #bm::AnyBitPattern for #bits {}
        // SAFETY: `#[repr(C)]`, every field `Zeroable` (an `Element`), no padding.
        unsafe impl #bm::Zeroable for #name {}
        // SAFETY: no padding (the size check), every field `NoUninit` (an `Element`).
        unsafe impl #bm::NoUninit for #name {}
        // SAFETY: the twin has the record's layout field for field (each `Bits` has its
        // field's size and alignment), and a record is valid exactly when each field is.
        unsafe impl #bm::CheckedBitPattern for #name {
            type Bits = #bits;
            fn is_valid_bit_pattern(bits: &#bits) -> bool {
                true #(#checks)*
            }
        }
    }
}

/// Borrowed views of each field (`#[repr(C)]`: every field is aligned).
fn view_accessors(
    name: &Ident,
    vis: &syn::Visibility,
    fields_trait: &Ident,
    fields_mut_trait: &Ident,
    fields: &[&RecordField],
) -> TokenStream2 {
    let nd = quote!(::ndcore);
    let private = quote!(#nd::record::__private);
    let decls = fields.iter().map(|f| {
        let (ident, ty) = (&f.ident, &f.ty);
        let doc = format!(
            "The field `{}` of every record, as a view (NumPy's `x['{}']`).",
            f.name, f.name
        );
        quote!(#[doc = #doc] fn #ident(self) -> #nd::ArrayView<'a, #ty, D>;)
    });
    let decls_mut = fields.iter().map(|f| {
        let ty = &f.ty;
        let m = format_ident!("{}_mut", f.ident);
        let doc = format!(
            "The field `{}` of every record, writable (NumPy's `x['{}'] = …`).",
            f.name, f.name
        );
        quote! {
            #[doc = #doc]
            fn #m(self) -> #nd::ArrayViewMut<'a, #ty, D>
            where
                Self: #private::RecordsMut<'a, #name, D>;
        }
    });
    // The getters of `&ArrayRef` and `&ArrayView`, alike but for the function that
    // projects the field.
    let getters = |project: Ident| {
        fields
            .iter()
            .map(|f| {
                let (ident, ty) = (&f.ident, &f.ty);
                quote! {
                    fn #ident(self) -> #nd::ArrayView<'a, #ty, D> {
                        // SAFETY: a field of a `#[repr(C)]` record without padding, at its
                        // `offset_of!`: inside every element, aligned, any bytes valid.
                        unsafe { #private::#project::<#name, #ty, D>(self, ::core::mem::offset_of!(#name, #ident)) }
                    }
                }
            })
            .collect::<Vec<TokenStream2>>()
    };
    let impl_ref = getters(format_ident!("field"));
    let impl_view = getters(format_ident!("field_of_view"));
    let impl_mut: Vec<TokenStream2> = fields
        .iter()
        .map(|f| {
            let (ident, ty) = (&f.ident, &f.ty);
            let m = format_ident!("{}_mut", f.ident);
            quote! {
                fn #m(self) -> #nd::ArrayViewMut<'a, #ty, D>
                where
                    Self: #private::RecordsMut<'a, #name, D>,
                {
                    let records = #private::RecordsMut::records_mut(self);
                    // SAFETY: as above.
                    unsafe { #private::field_of_view_mut::<#name, #ty, D>(records, ::core::mem::offset_of!(#name, #ident)) }
                }
            }
        })
        .collect();
    let doc = format!(
        "The fields of arrays of `{name}` as views: `x.{}()`. Import it with `{name}`.",
        fields
            .first()
            .map(|f| f.ident.to_string())
            .unwrap_or_default()
    );
    let doc_mut = format!("The fields of writable arrays of `{name}` as writable views.");
    quote! {
        #[doc = #doc]
        #vis trait #fields_trait<'a, D: #nd::Dimension> {
            #(#decls)*
        }
        impl<'a, D: #nd::Dimension> #fields_trait<'a, D> for &'a #nd::ArrayRef<#name, D> {
            #(#impl_ref)*
        }
        // By reference, so a view stays usable after `x.time()`; the fields keep the view's
        // lifetime 'a, so `x.pos().x()` outlives the temporary `x.pos()`.
        impl<'a, D: #nd::Dimension> #fields_trait<'a, D> for &#nd::ArrayView<'a, #name, D> {
            #(#impl_view)*
        }
        #[doc = #doc_mut]
        #vis trait #fields_mut_trait<'a, D: #nd::Dimension> {
            #(#decls_mut)*
        }
        impl<'a, D: #nd::Dimension> #fields_mut_trait<'a, D> for &'a mut #nd::ArrayRef<#name, D> {
            #(#impl_mut)*
        }
        // By value, so that `x.pos_mut().x_mut()` keeps the lifetime of `x.pos_mut()`.
        impl<'a, D: #nd::Dimension> #fields_mut_trait<'a, D> for #nd::ArrayViewMut<'a, #name, D> {
            #(#impl_mut)*
        }
        // Any storage, writable or not: a read-only one (a map opened `mode::R`) finds the
        // method and fails its `RecordsMut` bound, which says the array is read-only.
        impl<'a, S, D> #fields_mut_trait<'a, D> for &'a mut #nd::ArrayBase<S, D>
        where
            S: #nd::storage::RawData<Elem = #name>,
            D: #nd::Dimension,
        {
            #(#impl_mut)*
        }
    }
}

/// Copies of each field (`#[repr(C, packed)]`: fields may be misaligned, so no borrowed
/// view of them may exist).
fn copy_accessors(
    name: &Ident,
    vis: &syn::Visibility,
    fields_trait: &Ident,
    fields_mut_trait: &Ident,
    fields: &[&RecordField],
) -> TokenStream2 {
    let nd = quote!(::ndcore);
    let decls = fields.iter().map(|f| {
        let (ident, ty) = (&f.ident, &f.ty);
        let doc = format!(
            "The field `{}` of every record, copied: the record is packed, so the field may \
             be misaligned and cannot be borrowed as a view.",
            f.name
        );
        quote!(#[doc = #doc] fn #ident(self) -> #nd::Array<#ty, D>;)
    });
    let impls = fields.iter().map(|f| {
        let (ident, ty) = (&f.ident, &f.ty);
        quote! {
            fn #ident(self) -> #nd::Array<#ty, D> {
                // A packed field is read by value, never through a reference.
                self.map(|r| {
                    let r: #name = *r;
                    r.#ident
                })
            }
        }
    });
    let private = quote!(#nd::record::__private);
    let no_views: Vec<TokenStream2> = fields
        .iter()
        .map(|f| {
            let ty = &f.ty;
            let m = format_ident!("{}_mut", f.ident);
            let doc = format!(
                "Does not compile: `{name}` is packed, so `{}` may be misaligned and has no view. Read it with `x.{}()` (a copy); write whole records.",
                f.name, f.ident
            );
            quote! {
                #[doc = #doc]
                fn #m(self) -> #nd::ArrayViewMut<'a, #ty, D>
                where
                    Self: Sized + #private::PackedFieldView<#name>,
                {
                    ::core::unreachable!("PackedFieldView is implemented by nothing")
                }
            }
        })
        .collect();
    let doc = format!("The fields of arrays of packed `{name}`, copied.");
    let doc_mut = format!(
        "What a user of `#[repr(C)]` records tries on packed `{name}`: `x.{}_mut()` does not compile, and says why.",
        fields
            .first()
            .map(|f| f.ident.to_string())
            .unwrap_or_default()
    );
    quote! {
        #[doc = #doc]
        #vis trait #fields_trait<'a, D: #nd::Dimension> {
            #(#decls)*
        }
        impl<'a, D: #nd::Dimension> #fields_trait<'a, D> for &'a #nd::ArrayRef<#name, D> {
            #(#impls)*
        }
        #[doc = #doc_mut]
        #vis trait #fields_mut_trait<'a, D: #nd::Dimension> {
            #(#no_views)*
        }
        impl<'a, D: #nd::Dimension> #fields_mut_trait<'a, D> for &'a mut #nd::ArrayRef<#name, D> {}
        impl<'a, S, D> #fields_mut_trait<'a, D> for &'a mut #nd::ArrayBase<S, D>
        where
            S: #nd::storage::RawData<Elem = #name>,
            D: #nd::Dimension,
        {
        }
    }
}
