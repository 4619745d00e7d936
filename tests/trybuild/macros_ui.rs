//! What must not compile, and the tricky cases that must: trybuild runs every file under
//! `ui/macros/` (the macros) and `ui/habits/` (what a NumPy user writes first: wrong
//! ranks, mixed types, reshapes of owned arrays, missing imports), `ui/ndio/`, `ui/records/`
//! and `ui/lazy/` (lazy expressions: aliasing, mixed types). Each compile-fail case has its
//! expected compiler output committed beside it
//! (`.stderr`); regenerate with `TRYBUILD=overwrite cargo test -p nd-ui-tests`
//! and read the diff: the message must say what the user did wrong.

#[test]
fn macros_ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/macros/pass/*.rs");
    t.compile_fail("ui/macros/fail/*.rs");
    t.compile_fail("ui/habits/fail/*.rs");
    t.compile_fail("ui/ndio/fail/*.rs");
    t.compile_fail("ui/records/fail/*.rs");
    t.compile_fail("ui/lazy/fail/*.rs");
}
