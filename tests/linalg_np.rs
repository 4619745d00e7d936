//! numpy.linalg against NumPy: every function's values, shapes and error texts from
//! `tests/goldens/linalg_np/` (written by `scripts/goldens/linalg_np.py`, whose docstring
//! gives the input recipes rebuilt here), plus reconstruction checks (`q @ r ≈ a`,
//! `u diag(s) vh ≈ a`, `a v = v w`, `l lᵀ ≈ a`, `a inv(a) ≈ I`).
//!
//! Tolerances: |got − NumPy| ≤ tol · max(1, max |NumPy|) elementwise, with tol = 1e-9 for
//! f64 and 2e-4 for f32 (the recipes are well conditioned: cond < 100 except the singular
//! ones, whose compared outputs — minimum-norm `lstsq`, `pinv`, ranks — are well defined).
//! Sign conventions: LAPACK and faer may flip a singular vector, an eigenvector or a
//! Householder column (with its row of `r`); those outputs are compared up to the sign of
//! each column (`q`, `u`, `v`) or row (`r`, `vh`). `eig`'s eigenvalues are compared as
//! sorted sets and its eigenvectors through `a v = v w` (the order of LAPACK's and faer's
//! Schur forms differ).

use nd_tests::goldens::read_golden;
use ndcore::{ArrayD, Axis};
use ndlinalg::linalg::{self, LinAlgError, LinalgFloat, NormAxis, NormOrd, QrMode, Uplo};

fn shape(s: &str) -> Vec<usize> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| x.parse().unwrap())
        .collect()
}

/// `((arange(N) * 7) % 11 - 5) / 4`, plus `shift` on every matrix's diagonal.
fn general(sh: &[usize], shift: f64) -> Vec<f64> {
    let n: usize = sh.iter().product();
    let mut v: Vec<f64> = (0..n).map(|i| ((i * 7) % 11) as f64 / 4. - 1.25).collect();
    if sh.len() >= 2 && shift != 0. {
        let (r, c) = (sh[sh.len() - 2], sh[sh.len() - 1]);
        for (k, x) in v.iter_mut().enumerate() {
            let p = k % (r * c);
            if p / c == p % c {
                *x += shift;
            }
        }
    }
    v
}

/// The recipe's values in C order for shape `sh`.
fn recipe(name: &str, sh: &[usize], shift: f64) -> Vec<f64> {
    match name {
        "gen" => general(sh, shift),
        "sing" => (0..sh.iter().product::<usize>())
            .map(|i| i as f64)
            .collect(),
        "spd" => {
            let g = general(sh, 0.);
            let n = sh[sh.len() - 1];
            let mut out = vec![0.; g.len()];
            for (gm, om) in g.chunks(n * n).zip(out.chunks_mut(n * n)) {
                for i in 0..n {
                    for j in 0..n {
                        let dot: f64 = (0..n).map(|k| gm[i * n + k] * gm[j * n + k]).sum();
                        om[i * n + j] = dot + if i == j { n as f64 } else { 0. };
                    }
                }
            }
            out
        }
        "nan" => {
            let mut v = general(sh, shift);
            let (r, c) = (sh[sh.len() - 2], sh[sh.len() - 1]);
            for k in (0..v.len()).step_by(r * c) {
                v[k] = f64::NAN;
            }
            v
        }
        _ => panic!("recipe {name}"),
    }
}

/// The owned array a view of the recipe is taken from.
fn base<T: LinalgFloat>(name: &str, sh: &[usize], shift: f64, view: &str) -> ArrayD<T> {
    let mut sh = sh.to_vec();
    if view == "t" {
        let nd = sh.len();
        sh.swap(nd - 2, nd - 1);
    }
    let v = recipe(name, &sh, shift)
        .into_iter()
        .map(T::from_f64)
        .collect();
    ArrayD::from_shape_vec(sh, v).unwrap()
}

fn to_f64<T: LinalgFloat>(a: &ArrayD<T>) -> ArrayD<f64> {
    ArrayD::from_shape_vec(
        a.shape().to_vec(),
        a.to_vec().into_iter().map(|x| x.as_f64()).collect(),
    )
    .unwrap()
}

fn kw<'a>(op: &'a str, key: &str) -> Option<&'a str> {
    op.split_whitespace()
        .skip(1)
        .find_map(|a| a.strip_prefix(key)?.strip_prefix('='))
}

fn parse_ord(s: Option<&str>) -> NormOrd {
    match s {
        None => NormOrd::None,
        Some("fro") => NormOrd::Fro,
        Some("nuc") => NormOrd::Nuc,
        Some(p) => NormOrd::P(p.parse().unwrap()),
    }
}

fn parse_axis(s: Option<&str>) -> NormAxis {
    match s {
        None => NormAxis::None,
        Some(a) => match a.split_once(',') {
            Some((r, c)) => NormAxis::Two(r.parse().unwrap(), c.parse().unwrap()),
            None => NormAxis::One(a.parse().unwrap()),
        },
    }
}

type Outputs = Vec<(&'static str, ArrayD<f64>)>;

/// Runs `op` on `a` (and `b`), the outputs named as the golden names them.
fn run<T: LinalgFloat>(
    op: &str,
    a: &ArrayD<T>,
    view: &str,
    b: Option<&ArrayD<T>>,
) -> Result<Outputs, LinAlgError> {
    let nd = a.ndim();
    let a = match view {
        "t" => a.swapped_axes(nd - 2, nd - 1).unwrap(),
        "neg" => a.flip(Axis(nd - 2)).unwrap(),
        _ => a.view(),
    };
    let f = to_f64;
    let name = op.split_whitespace().next().unwrap();
    Ok(match name {
        "solve" => vec![("x", f(&linalg::solve(&a, b.unwrap())?))],
        "inv" => vec![("inv", f(&linalg::inv(&a)?))],
        "det" => vec![("det", f(&linalg::det(&a)?))],
        "slogdet" => {
            let (s, l) = linalg::slogdet(&a)?;
            vec![("sign", f(&s)), ("logabsdet", f(&l))]
        }
        "norm" => {
            let keep = kw(op, "keepdims") == Some("1");
            vec![(
                "norm",
                f(&linalg::norm(
                    &a,
                    parse_ord(kw(op, "ord")),
                    parse_axis(kw(op, "axis")),
                    keep,
                )?),
            )]
        }
        "qr" => {
            let mode = match kw(op, "mode") {
                Some("complete") => QrMode::Complete,
                Some("r") => QrMode::R,
                _ => QrMode::Reduced,
            };
            let r = linalg::qr(&a, mode)?;
            let mut out = Vec::new();
            if let Some(q) = r.q {
                out.push(("q", f(&q)));
            }
            out.push(("r", f(&r.r)));
            out
        }
        "svd" => {
            let r = linalg::svd(&a, kw(op, "full") != Some("0"))?;
            vec![("u", f(&r.u)), ("s", f(&r.s)), ("vh", f(&r.vh))]
        }
        "svdvals" => vec![("s", f(&linalg::svdvals(&a)?))],
        "eigh" | "eigvalsh" => {
            let uplo = if kw(op, "UPLO") == Some("U") {
                Uplo::U
            } else {
                Uplo::L
            };
            if name == "eigh" {
                let (w, v) = linalg::eigh(&a, uplo)?;
                vec![("w", f(&w)), ("v", f(&v))]
            } else {
                vec![("w", f(&linalg::eigvalsh(&a, uplo)?))]
            }
        }
        "eig" => {
            let e = linalg::eig(&a)?;
            vec![
                ("w_re", f(&e.w_re)),
                ("w_im", f(&e.w_im)),
                ("v_re", f(&e.v_re)),
                ("v_im", f(&e.v_im)),
            ]
        }
        "cholesky" => vec![("l", f(&linalg::cholesky(&a, kw(op, "upper") == Some("1"))?))],
        "lstsq" => {
            let rcond = kw(op, "rcond").map(|r| r.parse().unwrap());
            let r = linalg::lstsq(&a, b.unwrap(), rcond)?;
            let rank = ArrayD::from_shape_vec(Vec::<usize>::new(), vec![r.rank as f64]).unwrap();
            vec![
                ("x", f(&r.x)),
                ("residuals", f(&r.residuals)),
                ("rank", rank),
                ("s", f(&r.s)),
            ]
        }
        "pinv" => vec![("pinv", f(&linalg::pinv(&a, None)?))],
        "matrix_rank" => {
            let r = linalg::matrix_rank(&a, None, None)?;
            let v = r.to_vec().into_iter().map(|x| x as f64).collect();
            vec![(
                "rank",
                ArrayD::from_shape_vec(r.shape().to_vec(), v).unwrap(),
            )]
        }
        "matrix_power" => {
            let n = kw(op, "n").unwrap().parse().unwrap();
            vec![("p", f(&linalg::matrix_power(&a, n)?))]
        }
        _ => panic!("op {op}"),
    })
}

/// The matrices of a C-order stack `(..., r, c)` as row-major `Vec`s.
fn mats(a: &ArrayD<f64>) -> (usize, usize, Vec<Vec<f64>>) {
    let nd = a.ndim();
    let (r, c) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    let v = a.to_vec();
    let ms = if r * c == 0 {
        vec![vec![]; v.len().max(1)]
    } else {
        v.chunks(r * c).map(|m| m.to_vec()).collect()
    };
    (r, c, ms)
}

fn matmul(a: &[f64], b: &[f64], n: usize, k: usize, m: usize) -> Vec<f64> {
    (0..n * m)
        .map(|p| (0..k).map(|l| a[(p / m) * k + l] * b[l * m + p % m]).sum())
        .collect()
}

fn close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    let scale = want
        .iter()
        .fold(1f64, |s, x| if x.is_finite() { s.max(x.abs()) } else { s });
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let ok = (g.is_nan() && w.is_nan()) || g == w || (g - w).abs() <= tol * scale;
        assert!(
            ok,
            "{what}: element {i}: got {g}, NumPy {w} (tol {tol} × {scale})\n got {got:?}\nwant {want:?}"
        );
    }
}

/// `got` against `want` with each column (`by_col`) or row flipped to match NumPy's sign.
fn close_up_to_sign(got: &ArrayD<f64>, want: &[f64], by_col: bool, tol: f64, what: &str) {
    let (r, c, gm) = mats(got);
    let mut fixed = Vec::new();
    for (k, g) in gm.iter().enumerate() {
        let w = &want[k * r * c..(k + 1) * r * c];
        let mut g = g.clone();
        let (lines, len) = if by_col { (c, r) } else { (r, c) };
        for l in 0..lines {
            let at = |i: usize| if by_col { i * c + l } else { l * c + i };
            let dot: f64 = (0..len).map(|i| g[at(i)] * w[at(i)]).sum();
            if dot < 0. {
                for i in 0..len {
                    g[at(i)] = -g[at(i)];
                }
            }
        }
        fixed.extend(g);
    }
    close(&fixed, want, tol, what);
}

/// The first `k` columns (`by_col`) or rows of every matrix of `got` and of `want`.
fn leading(got: &ArrayD<f64>, want: &[f64], k: usize, by_col: bool) -> (ArrayD<f64>, Vec<f64>) {
    let (r, c, gm) = mats(got);
    let (mut g, mut w) = (Vec::new(), Vec::new());
    for (m, gmat) in gm.iter().enumerate() {
        let wmat = &want[m * r * c..(m + 1) * r * c];
        for i in 0..r {
            for j in 0..c {
                if (by_col && j < k) || (!by_col && i < k) {
                    g.push(gmat[i * c + j]);
                    w.push(wmat[i * c + j]);
                }
            }
        }
    }
    let mut shape = got.shape().to_vec();
    let nd = shape.len();
    shape[if by_col { nd - 1 } else { nd - 2 }] = k;
    (ArrayD::from_shape_vec(shape, g).unwrap(), w)
}

/// Every matrix of `a` has orthonormal columns (`by_col`) or rows.
fn orthonormal(a: &ArrayD<f64>, by_col: bool, tol: f64, what: &str) {
    let (r, c, ms) = mats(a);
    for m in ms {
        let t: Vec<f64> = (0..r * c).map(|p| m[(p % r) * c + p / r]).collect();
        let (g, n) = if by_col {
            (matmul(&t, &m, c, r, c), c)
        } else {
            (matmul(&m, &t, r, c, r), r)
        };
        let id: Vec<f64> = (0..n * n)
            .map(|p| if p / n == p % n { 1. } else { 0. })
            .collect();
        close(&g, &id, tol * 10., &format!("{what}: orthonormal"));
    }
}

struct Case {
    id: String,
    op: String,
    dtype: String,
    recipe: String,
    shift: f64,
    shape: Vec<usize>,
    view: String,
    bshape: Option<Vec<usize>>,
    outs: Vec<(String, Vec<usize>, Vec<f64>)>,
}

fn cases() -> Vec<Case> {
    let text = read_golden("linalg_np/results.txt");
    let mut out: Vec<Case> = Vec::new();
    for line in text.lines() {
        let p: Vec<&str> = line.split(" | ").collect();
        assert_eq!(p.len(), 11, "{line}");
        let vals: Vec<f64> = p[10]
            .split_whitespace()
            .map(|x| x.parse().unwrap())
            .collect();
        let o = (p[8].to_string(), shape(p[9]), vals);
        if out.last().is_some_and(|c| c.id == p[0]) {
            out.last_mut().unwrap().outs.push(o);
            continue;
        }
        out.push(Case {
            id: p[0].into(),
            op: p[1].into(),
            dtype: p[2].into(),
            recipe: p[3].into(),
            shift: p[4].parse().unwrap(),
            shape: shape(p[5]),
            view: p[6].into(),
            bshape: (p[7] != "-").then(|| shape(p[7])),
            outs: vec![o],
        });
    }
    out
}

fn check_case<T: LinalgFloat>(c: &Case, tol: f64) {
    let what = format!("{} {} {} {:?} {}", c.op, c.dtype, c.recipe, c.shape, c.view);
    let a = base::<T>(&c.recipe, &c.shape, c.shift, &c.view);
    let b = c.bshape.as_ref().map(|s| {
        let v = general(s, 0.)
            .into_iter()
            .map(|x| T::from_f64(x + 1.))
            .collect();
        ArrayD::from_shape_vec(s.clone(), v).unwrap()
    });
    let got = run(&c.op, &a, &c.view, b.as_ref()).unwrap_or_else(|e| panic!("{what}: {e}"));
    // The input as NumPy saw it (after the view), in f64, C order.
    let nd = a.ndim();
    let av = match c.view.as_str() {
        "t" => to_f64(&a.swapped_axes(nd - 2, nd - 1).unwrap().to_owned()),
        "neg" => to_f64(&a.flip(Axis(nd - 2)).unwrap().to_owned()),
        _ => to_f64(&a),
    };
    let name = c.op.split_whitespace().next().unwrap();
    let kk = if nd >= 2 {
        c.shape[nd - 2].min(c.shape[nd - 1])
    } else {
        0
    };
    for (oname, oshape, want) in &c.outs {
        let g = &got
            .iter()
            .find(|(n, _)| n == oname)
            .unwrap_or_else(|| panic!("{what}: no {oname}"))
            .1;
        let w = format!("{what}: {oname}");
        assert_eq!(g.shape(), &oshape[..], "{w}: shape");
        match (name, oname.as_str()) {
            // Columns of a complete q / full u past K = min(M, N) (rows of vh) are any
            // orthonormal basis of the complement: compared through orthonormality only.
            ("qr", "q") | ("svd", "u") => {
                let (gk, wk) = leading(g, want, kk, true);
                close_up_to_sign(&gk, &wk, true, tol, &w);
                orthonormal(g, true, tol, &w);
            }
            ("svd", "vh") => {
                let (gk, wk) = leading(g, want, kk, false);
                close_up_to_sign(&gk, &wk, false, tol, &w);
                orthonormal(g, false, tol, &w);
            }
            ("eigh", "v") => close_up_to_sign(g, want, true, tol, &w),
            ("qr", "r") => close_up_to_sign(g, want, false, tol, &w),
            ("eig", "w_re") | ("eig", "w_im") | ("eig", "v_re") | ("eig", "v_im") => {}
            _ => close(&g.to_vec(), want, tol, &w),
        }
    }
    if av.ndim() < 2 {
        return;
    }
    let out = |n: &str| got.iter().find(|(k, _)| *k == n).map(|(_, a)| a.clone());
    let (r, cc, am) = mats(&av);
    match name {
        "qr" if out("q").is_some() => {
            let (q, rr) = (mats(&out("q").unwrap()), mats(&out("r").unwrap()));
            for (k, m) in am.iter().enumerate() {
                close(
                    &matmul(&q.2[k], &rr.2[k], r, q.1, cc),
                    m,
                    tol,
                    &format!("{what}: q @ r"),
                );
            }
        }
        "svd" => {
            let (u, s, vh) = (
                mats(&out("u").unwrap()),
                out("s").unwrap().to_vec(),
                mats(&out("vh").unwrap()),
            );
            let kk = r.min(cc);
            for (k, m) in am.iter().enumerate() {
                let mut us = u.2[k].clone();
                for i in 0..r {
                    for j in 0..u.1 {
                        us[i * u.1 + j] *= if j < kk { s[k * kk + j] } else { 0. };
                    }
                }
                // Only the first K columns of u / rows of vh carry the product.
                let usk: Vec<f64> = (0..r)
                    .flat_map(|i| us[i * u.1..i * u.1 + kk].to_vec())
                    .collect();
                close(
                    &matmul(&usk, &vh.2[k][..kk * cc], r, kk, cc),
                    m,
                    tol,
                    &format!("{what}: u s vh"),
                );
            }
        }
        "eigh" => {
            let (w, v) = (out("w").unwrap().to_vec(), mats(&out("v").unwrap()));
            for (k, m) in am.iter().enumerate() {
                let sym: Vec<f64> = (0..r * r)
                    .map(|p| {
                        let (i, j) = (p / r, p % r);
                        let lower = if kw(&c.op, "UPLO") == Some("U") {
                            i <= j
                        } else {
                            i >= j
                        };
                        if lower { m[p] } else { m[j * r + i] }
                    })
                    .collect();
                let av = matmul(&sym, &v.2[k], r, r, r);
                let vw: Vec<f64> = (0..r * r).map(|p| v.2[k][p] * w[k * r + p % r]).collect();
                close(&av, &vw, tol * 10., &format!("{what}: a v = v w"));
            }
        }
        "eig" => {
            let (wr, wi) = (out("w_re").unwrap().to_vec(), out("w_im").unwrap().to_vec());
            let (vr, vi) = (mats(&out("v_re").unwrap()), mats(&out("v_im").unwrap()));
            let want = |n: &str| c.outs.iter().find(|o| o.0 == n).unwrap().2.clone();
            let (nwr, nwi) = (want("w_re"), want("w_im"));
            for (k, m) in am.iter().enumerate() {
                let sorted = |re: &[f64], im: &[f64]| {
                    let mut p: Vec<(f64, f64)> =
                        re.iter().copied().zip(im.iter().copied()).collect();
                    p.sort_by(|a, b| a.partial_cmp(b).unwrap());
                    p.into_iter()
                        .flat_map(|(a, b)| [a, b])
                        .collect::<Vec<f64>>()
                };
                let range = k * r..(k + 1) * r;
                close(
                    &sorted(&wr[range.clone()], &wi[range.clone()]),
                    &sorted(&nwr[range.clone()], &nwi[range]),
                    tol,
                    &format!("{what}: eigenvalues"),
                );
                // a (vr + i vi) = (vr + i vi) diag(wr + i wi), and unit columns.
                let (avr, avi) = (matmul(m, &vr.2[k], r, r, r), matmul(m, &vi.2[k], r, r, r));
                let (mut er, mut ei) = (vec![0.; r * r], vec![0.; r * r]);
                for p in 0..r * r {
                    let (x, y, a, b) =
                        (vr.2[k][p], vi.2[k][p], wr[k * r + p % r], wi[k * r + p % r]);
                    er[p] = x * a - y * b;
                    ei[p] = x * b + y * a;
                }
                close(&avr, &er, tol * 10., &format!("{what}: Re(a v) = Re(v w)"));
                close(&avi, &ei, tol * 10., &format!("{what}: Im(a v) = Im(v w)"));
                for j in 0..r {
                    let n2: f64 = (0..r)
                        .map(|i| vr.2[k][i * r + j].powi(2) + vi.2[k][i * r + j].powi(2))
                        .sum();
                    close(&[n2], &[1.], tol, &format!("{what}: |v| = 1"));
                }
            }
        }
        "cholesky" => {
            let l = mats(&out("l").unwrap());
            let upper = kw(&c.op, "upper") == Some("1");
            for (k, m) in am.iter().enumerate() {
                let lt: Vec<f64> = (0..r * r).map(|p| l.2[k][(p % r) * r + p / r]).collect();
                let prod = if upper {
                    matmul(&lt, &l.2[k], r, r, r)
                } else {
                    matmul(&l.2[k], &lt, r, r, r)
                };
                close(&prod, m, tol, &format!("{what}: l lᵀ"));
            }
        }
        "inv" => {
            let x = mats(&out("inv").unwrap());
            for (k, m) in am.iter().enumerate() {
                let id: Vec<f64> = (0..r * r)
                    .map(|p| if p / r == p % r { 1. } else { 0. })
                    .collect();
                close(
                    &matmul(m, &x.2[k], r, r, r),
                    &id,
                    tol * 10.,
                    &format!("{what}: a inv(a)"),
                );
            }
        }
        _ => {}
    }
}

#[test]
fn results_match_numpy() {
    let cs = cases();
    assert!(cs.len() > 150, "{} cases", cs.len());
    for c in &cs {
        match c.dtype.as_str() {
            "float64" => check_case::<f64>(c, 1e-9),
            "float32" => check_case::<f32>(c, 2e-4),
            d => panic!("dtype {d}"),
        }
    }
}

#[test]
fn errors_match_numpy() {
    let text = read_golden("linalg_np/errors.txt");
    let mut n = 0;
    for line in text.lines() {
        let p: Vec<&str> = line.splitn(6, " | ").collect();
        let (op, rec, sh, bsh, kind, msg) = (p[0], p[1], shape(p[2]), p[3], p[4], p[5]);
        let shift = if sh.len() >= 2 { 5. } else { 0. };
        let a = ArrayD::from_shape_vec(sh.clone(), recipe(rec, &sh, shift)).unwrap();
        let b = (bsh != "-").then(|| {
            let s = shape(bsh);
            ArrayD::from_shape_vec(
                s.clone(),
                general(&s, 0.).into_iter().map(|x| x + 1.).collect(),
            )
            .unwrap()
        });
        let e = match run::<f64>(op, &a, "c", b.as_ref()) {
            Ok(_) => panic!("{line}: no error"),
            Err(e) => e,
        };
        assert_eq!(e.to_string(), msg, "{line}");
        assert_eq!(e.is_linalg_error(), kind == "LinAlgError", "{line}: class");
        n += 1;
    }
    assert!(n > 30);
}

/// NaN input never panics: NumPy's results (NaN) or its errors.
#[test]
fn nan_input() {
    let a = ArrayD::from_shape_vec(vec![3, 3], recipe("nan", &[3, 3], 5.)).unwrap();
    assert!(linalg::det(&a).unwrap().to_vec()[0].is_nan());
    assert!(
        linalg::eigh(&a, Uplo::L)
            .unwrap()
            .0
            .to_vec()
            .iter()
            .all(|x| x.is_nan())
    );
    assert!(linalg::cholesky(&a, false).unwrap().to_vec()[0].is_nan());
    assert!(linalg::qr(&a, QrMode::Reduced).is_ok());
    assert!(
        linalg::norm(&a, NormOrd::None, NormAxis::None, false)
            .unwrap()
            .to_vec()[0]
            .is_nan()
    );
    assert_eq!(linalg::eig(&a).unwrap_err(), LinAlgError::NonFinite);
    assert_eq!(
        linalg::svd(&a, true).unwrap_err(),
        LinAlgError::SvdNoConvergence
    );
    // NumPy: NaN results, no error (a NaN pivot is not a zero pivot).
    let x = linalg::solve(&a, &ndcore::Array::from_vec(vec![1., 2., 3.])).unwrap();
    assert!(x.to_vec().iter().any(|v| v.is_nan()));
    assert!(linalg::inv(&a).unwrap().to_vec().iter().any(|v| v.is_nan()));
    let _ = linalg::lstsq(&a, &ndcore::Array::from_vec(vec![1., 2., 3.]), None);
}
