//! Reductions: sum, prod, mean, var, std, min, max, argmin, argmax, cumsum (owned by the reductions engineer).
