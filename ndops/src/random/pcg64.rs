//! `PCG64`: NumPy's default bit generator, a 128-bit linear congruential generator whose
//! 64-bit outputs are its state's two halves xor-ed and rotated (O'Neill's XSL-RR).

use super::seed_sequence::{IntoSeed, SeedSequence};

/// The LCG multiplier (`PCG_DEFAULT_MULTIPLIER_128`).
const MULTIPLIER: u128 = (2_549_297_995_355_413_924u128 << 64) + 4_865_540_595_714_422_341;

/// `(φ - 1) · 2^128`: the distance of one `jumped` (`jump_inplace`'s step).
const JUMP_STEP: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835;

/// NumPy's 128-bit permuted congruential generator, `np.random.PCG64`.
///
/// It gives the same 64-bit words as NumPy's for the same seed, and the same 32-bit words:
/// like NumPy's, it makes two 32-bit draws from one 64-bit word (low half first) and keeps
/// the unused half between calls, which is part of the state.
///
/// ```
/// use ndops::random::Pcg64;
/// let mut bg = Pcg64::new(0u64); // np.random.PCG64(0)
/// assert_eq!(bg.next_u64(), 0xa30febcfd9c2825f); // bg.random_raw()
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg64 {
    state: u128,
    inc: u128,
    has_uint32: bool,
    uinteger: u32,
}

/// The whole state of a [`Pcg64`], as NumPy's `bit_generator.state` dict holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pcg64State {
    /// The LCG state (`state['state']['state']`).
    pub state: u128,
    /// The LCG increment, always odd (`state['state']['inc']`).
    pub inc: u128,
    /// Whether a 32-bit half word is waiting (`has_uint32`).
    pub has_uint32: bool,
    /// The waiting half word (`uinteger`).
    pub uinteger: u32,
}

impl Pcg64 {
    /// A generator seeded as `np.random.PCG64(seed)`: through [`SeedSequence`], which gives
    /// the initial state and the increment.
    ///
    /// ```
    /// use ndops::random::{Pcg64, SeedSequence};
    /// assert_eq!(Pcg64::new(7u64), Pcg64::from_seed_sequence(&SeedSequence::new(7u64)));
    /// ```
    pub fn new<S: IntoSeed>(seed: S) -> Pcg64 {
        Self::from_seed_sequence(&seed.into_seed_sequence())
    }

    /// A generator seeded from a seed sequence's first four 64-bit words (state high,
    /// state low, increment high, increment low), as `PCG64(seed_seq)`.
    ///
    /// ```
    /// use ndops::random::{Pcg64, SeedSequence};
    /// let bg = Pcg64::from_seed_sequence(&SeedSequence::new(0u64));
    /// assert_eq!(bg.state().inc, 87136372517582989555478159403783844777);
    /// ```
    pub fn from_seed_sequence(seed: &SeedSequence) -> Pcg64 {
        let w = seed.generate_state_u64(4);
        let initstate = (u128::from(w[0]) << 64) | u128::from(w[1]);
        let initseq = (u128::from(w[2]) << 64) | u128::from(w[3]);
        let mut g = Pcg64 {
            state: 0,
            inc: (initseq << 1) | 1,
            has_uint32: false,
            uinteger: 0,
        };
        g.step();
        g.state = g.state.wrapping_add(initstate);
        g.step();
        g
    }

    #[inline(always)]
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(self.inc);
    }

    /// The next 64 random bits (`random_raw()`).
    ///
    /// ```
    /// use ndops::random::Pcg64;
    /// let mut a = Pcg64::new(1u64);
    /// let b = a.clone();
    /// assert_ne!(a.next_u64(), a.next_u64());
    /// assert_ne!(a, b);
    /// ```
    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        self.step();
        let hi = (self.state >> 64) as u64;
        let lo = self.state as u64;
        (hi ^ lo).rotate_right((hi >> 58) as u32)
    }

    /// The next 32 random bits: the low half of a fresh 64-bit word, or the high half kept
    /// from the previous call.
    ///
    /// ```
    /// use ndops::random::Pcg64;
    /// let mut a = Pcg64::new(3u64);
    /// let w = a.clone().next_u64();
    /// assert_eq!((a.next_u32(), a.next_u32()), (w as u32, (w >> 32) as u32));
    /// ```
    #[inline(always)]
    pub fn next_u32(&mut self) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let w = self.next_u64();
        self.has_uint32 = true;
        self.uinteger = (w >> 32) as u32;
        w as u32
    }

    /// A float64 in `[0, 1)` from the top 53 bits of a 64-bit word (NumPy's `next_double`).
    ///
    /// ```
    /// use ndops::random::Pcg64;
    /// let x = Pcg64::new(0u64).next_f64();
    /// assert!((0.0..1.0).contains(&x));
    /// ```
    #[inline(always)]
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A float32 in `[0, 1)` from the top 24 bits of a 32-bit draw (NumPy's `next_float`).
    ///
    /// ```
    /// use ndops::random::Pcg64;
    /// let x = Pcg64::new(0u64).next_f32();
    /// assert!((0.0..1.0).contains(&x));
    /// ```
    #[inline(always)]
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 * (1.0 / 16_777_216.0)
    }

    /// Moves the state on as if `delta` 64-bit words had been drawn, and drops a waiting
    /// half word. Like `PCG64.advance(delta)` (a negative delta is `delta mod 2^128`).
    ///
    /// ```
    /// use ndops::random::Pcg64;
    /// let mut a = Pcg64::new(0u64);
    /// let mut b = a.clone();
    /// for _ in 0..1000 {
    ///     a.next_u64();
    /// }
    /// b.advance(1000);
    /// assert_eq!(a, b);
    /// ```
    pub fn advance(&mut self, delta: u128) -> &mut Pcg64 {
        // Brown's jump-ahead: square-and-multiply on the affine map x -> m x + c.
        let (mut acc_mult, mut acc_plus) = (1u128, 0u128);
        let (mut cur_mult, mut cur_plus) = (MULTIPLIER, self.inc);
        let mut d = delta;
        while d > 0 {
            if d & 1 == 1 {
                acc_mult = acc_mult.wrapping_mul(cur_mult);
                acc_plus = acc_plus.wrapping_mul(cur_mult).wrapping_add(cur_plus);
            }
            cur_plus = cur_mult.wrapping_add(1).wrapping_mul(cur_plus);
            cur_mult = cur_mult.wrapping_mul(cur_mult);
            d >>= 1;
        }
        self.state = acc_mult.wrapping_mul(self.state).wrapping_add(acc_plus);
        self.has_uint32 = false;
        self.uinteger = 0;
        self
    }

    /// A copy moved on by `jumps` times `(φ - 1) · 2^128` draws, for independent streams.
    /// Like `PCG64.jumped(jumps)`.
    ///
    /// ```
    /// use ndops::random::Pcg64;
    /// let a = Pcg64::new(0u64);
    /// assert_eq!(a.jumped(2), a.jumped(1).jumped(1));
    /// ```
    pub fn jumped(&self, jumps: u128) -> Pcg64 {
        let mut g = self.clone();
        g.advance(JUMP_STEP.wrapping_mul(jumps));
        g
    }

    /// The state (`bit_generator.state`).
    ///
    /// ```
    /// use ndops::random::Pcg64;
    /// let s = Pcg64::new(0u64).state();
    /// assert_eq!(s.state, 35399562948360463058890781895381311971);
    /// assert!(!s.has_uint32);
    /// ```
    pub fn state(&self) -> Pcg64State {
        Pcg64State {
            state: self.state,
            inc: self.inc,
            has_uint32: self.has_uint32,
            uinteger: self.uinteger,
        }
    }

    /// Sets the state (`bit_generator.state = ...`). The increment is used as given (NumPy
    /// does not force it odd either).
    ///
    /// ```
    /// use ndops::random::Pcg64;
    /// let mut a = Pcg64::new(0u64);
    /// let saved = a.state();
    /// let x = a.next_u64();
    /// a.set_state(saved);
    /// assert_eq!(a.next_u64(), x);
    /// ```
    pub fn set_state(&mut self, s: Pcg64State) {
        self.state = s.state;
        self.inc = s.inc;
        self.has_uint32 = s.has_uint32;
        self.uinteger = s.uinteger;
    }
}
