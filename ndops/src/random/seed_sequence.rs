//! `SeedSequence`: NumPy's mixing of seed entropy into the words that seed a bit generator
//! (`numpy.random.SeedSequence`, after O'Neill's `seed_seq` alternative).

use ndcore::error::{Error, Result};

/// Words of entropy pooled by default: 128 bits (`DEFAULT_POOL_SIZE`).
pub const DEFAULT_POOL_SIZE: usize = 4;

// NumPy's hashing and mixing constants (bit_generator.pyx).
const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;

/// Hashes one word with the running multiplier `hash_const`, which it advances.
#[inline]
fn hashmix(value: u32, hash_const: &mut u32) -> u32 {
    let mut v = value ^ *hash_const;
    *hash_const = hash_const.wrapping_mul(MULT_A);
    v = v.wrapping_mul(*hash_const);
    v ^ (v >> XSHIFT)
}

/// Mixes a hashed word into a pool word.
#[inline]
fn mix(x: u32, y: u32) -> u32 {
    let r = MIX_MULT_L
        .wrapping_mul(x)
        .wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    r ^ (r >> XSHIFT)
}

/// A non-negative integer as NumPy splits it into 32-bit words, lowest first (`0` is one
/// word, `[0]`).
pub(crate) fn int_words(n: u128) -> Vec<u32> {
    if n == 0 {
        return vec![0];
    }
    let mut words = Vec::new();
    let mut n = n;
    while n > 0 {
        words.push(n as u32);
        n >>= 32;
    }
    words
}

/// Entropy that seeds a [`SeedSequence`]: what NumPy's `SeedSequence(entropy)` and
/// `default_rng(seed)` accept, as 32-bit words.
///
/// An integer seed is split into 32-bit words, lowest first; a sequence of integers is each
/// one split that way and the words concatenated (so `[5, 1 << 40]` is three words, as in
/// NumPy, whatever the integer type). Implemented for `u64`, `&[u64]`, `[u64; N]`,
/// `Vec<u64>`, `Option<u64>` (`None`: OS entropy) and a ready [`SeedSequence`]; `u64` is
/// the only integer type, so that a bare literal (`default_rng(42)`) is one. Larger integer seeds: [`SeedSequence::from_u128`].
pub trait IntoSeed {
    /// The seed sequence this seed makes.
    fn into_seed_sequence(self) -> SeedSequence;
}

impl IntoSeed for u64 {
    fn into_seed_sequence(self) -> SeedSequence {
        SeedSequence::from_words(int_words(self.into()))
    }
}

impl IntoSeed for &[u64] {
    fn into_seed_sequence(self) -> SeedSequence {
        SeedSequence::from_words(self.iter().flat_map(|&v| int_words(v.into())).collect())
    }
}

impl<const N: usize> IntoSeed for [u64; N] {
    fn into_seed_sequence(self) -> SeedSequence {
        self.as_slice().into_seed_sequence()
    }
}

impl IntoSeed for Vec<u64> {
    fn into_seed_sequence(self) -> SeedSequence {
        self.as_slice().into_seed_sequence()
    }
}

impl IntoSeed for &Vec<u64> {
    fn into_seed_sequence(self) -> SeedSequence {
        self.as_slice().into_seed_sequence()
    }
}

/// `None` is fresh entropy from the operating system (NumPy's `default_rng(None)`, see
/// [`SeedSequence::from_entropy`]); `Some(seed)` is `seed`.
impl IntoSeed for Option<u64> {
    fn into_seed_sequence(self) -> SeedSequence {
        match self {
            Some(seed) => seed.into_seed_sequence(),
            None => SeedSequence::from_entropy(),
        }
    }
}

/// 128 bits from the operating system: `/dev/urandom` where there is one, else the random
/// keys the standard library's `RandomState` draws from the OS, mixed with the clock.
fn os_entropy() -> u128 {
    use std::io::Read;
    let mut buf = [0u8; 16];
    if std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok()
    {
        return u128::from_le_bytes(buf);
    }
    use std::hash::{BuildHasher, Hasher};
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let half = |salt: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(nanos);
        h.write_u64(salt);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

impl IntoSeed for SeedSequence {
    fn into_seed_sequence(self) -> SeedSequence {
        self
    }
}

/// Mixes seed entropy into a pool of 32-bit words and hashes that pool out into as many
/// words as a bit generator needs to start from. Like `np.random.SeedSequence`.
///
/// The same entropy (and spawn key and pool size) gives the same words as NumPy, so a
/// generator seeded here starts where NumPy's does.
///
/// ```
/// use ndops::random::SeedSequence;
/// // np.random.SeedSequence(0).generate_state(2, np.uint64)
/// let ss = SeedSequence::new(0);
/// assert_eq!(
///     ss.generate_state_u64(2),
///     vec![0xdb2cd7e7b0f478be, 0xabf4641a2c71ba49]
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedSequence {
    entropy: Vec<u32>,
    spawn_key: Vec<u32>,
    pool: Vec<u32>,
    n_children_spawned: u32,
}

impl SeedSequence {
    /// A seed sequence from any seed NumPy's `SeedSequence(entropy)` takes as an integer or
    /// a list of integers (see [`IntoSeed`]).
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(12345), SeedSequence::new([12345]));
    /// ```
    pub fn new<S: IntoSeed>(entropy: S) -> SeedSequence {
        entropy.into_seed_sequence()
    }

    /// A seed sequence from 128 fresh bits of operating-system entropy, as
    /// `SeedSequence()` / `default_rng()` with no seed (NumPy takes `secrets.randbits(128)`).
    /// The entropy is kept ([`entropy_words`](Self::entropy_words)), so a run can be
    /// repeated from it.
    ///
    /// ```
    /// use ndops::random::{SeedSequence, default_rng};
    /// let ss = SeedSequence::from_entropy();
    /// let again = SeedSequence::from_words(ss.entropy_words().to_vec());
    /// assert_eq!(ss.generate_state_u32(4), again.generate_state_u32(4));
    /// let mut rng = default_rng(None); // np.random.default_rng()
    /// assert!((0.0..1.0).contains(&rng.random_scalar()));
    /// ```
    pub fn from_entropy() -> SeedSequence {
        Self::from_u128(os_entropy())
    }

    /// A seed sequence from an integer seed wider than 64 bits, as NumPy takes any Python
    /// integer (`SeedSequence(2**100 + 5)`).
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// assert_eq!(SeedSequence::from_u128(5), SeedSequence::new(5));
    /// assert_eq!(SeedSequence::from_u128(1 << 100).entropy_words(), &[0, 0, 0, 16]);
    /// ```
    pub fn from_u128(entropy: u128) -> SeedSequence {
        Self::from_words(int_words(entropy))
    }

    /// A seed sequence from entropy already split into 32-bit words (NumPy's
    /// `SeedSequence(np.array(words, dtype=np.uint32))`).
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// // 2**32 + 7 is the words [7, 1]
    /// assert_eq!(SeedSequence::from_words(vec![7, 1]), SeedSequence::new((1u64 << 32) + 7));
    /// ```
    pub fn from_words(entropy: Vec<u32>) -> SeedSequence {
        Self::build(entropy, Vec::new(), DEFAULT_POOL_SIZE, 0)
    }

    /// A seed sequence with a spawn key and a pool size, as
    /// `SeedSequence(entropy, spawn_key=..., pool_size=...)`.
    ///
    /// # Errors
    /// A pool smaller than 4 words: "The size of the entropy pool should be at least 4".
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// let child = SeedSequence::with_spawn_key(5u64, &[0], 4).unwrap();
    /// assert_eq!(SeedSequence::new(5u64).spawn(1)[0], child);
    /// assert!(SeedSequence::with_spawn_key(5u64, &[], 2).is_err());
    /// ```
    pub fn with_spawn_key<S: IntoSeed>(
        entropy: S,
        spawn_key: &[u64],
        pool_size: usize,
    ) -> Result<SeedSequence> {
        if pool_size < DEFAULT_POOL_SIZE {
            return Err(Error::Value(format!(
                "The size of the entropy pool should be at least {DEFAULT_POOL_SIZE}"
            )));
        }
        let key = spawn_key
            .iter()
            .flat_map(|&k| int_words(k.into()))
            .collect();
        Ok(Self::build(
            entropy.into_seed_sequence().entropy,
            key,
            pool_size,
            0,
        ))
    }

    fn build(
        entropy: Vec<u32>,
        spawn_key: Vec<u32>,
        pool_size: usize,
        n_children_spawned: u32,
    ) -> SeedSequence {
        let mut ss = SeedSequence {
            entropy,
            spawn_key,
            pool: vec![0; pool_size],
            n_children_spawned,
        };
        let assembled = ss.assembled_entropy();
        ss.mix_entropy(&assembled);
        ss
    }

    /// The run entropy and the spawn key as one word list; with a spawn key, the run
    /// entropy is padded with zeros to the pool size first (NumPy 1.19's fix of gh-16539).
    fn assembled_entropy(&self) -> Vec<u32> {
        let mut words = self.entropy.clone();
        if !self.spawn_key.is_empty() && words.len() < self.pool.len() {
            words.resize(self.pool.len(), 0);
        }
        words.extend_from_slice(&self.spawn_key);
        words
    }

    /// Hashes the entropy into the pool, mixes every pool word into every other, then
    /// mixes in the words that did not fit.
    fn mix_entropy(&mut self, entropy: &[u32]) {
        let mut hash_const = INIT_A;
        let n = self.pool.len();
        for i in 0..n {
            let word = entropy.get(i).copied().unwrap_or(0);
            self.pool[i] = hashmix(word, &mut hash_const);
        }
        for src in 0..n {
            for dst in 0..n {
                if src != dst {
                    let h = hashmix(self.pool[src], &mut hash_const);
                    self.pool[dst] = mix(self.pool[dst], h);
                }
            }
        }
        for &word in entropy.iter().skip(n) {
            for dst in 0..n {
                let h = hashmix(word, &mut hash_const);
                self.pool[dst] = mix(self.pool[dst], h);
            }
        }
    }

    /// `n_words` 32-bit words for seeding. Like `generate_state(n_words, np.uint32)`.
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// // np.random.SeedSequence(0).generate_state(2)
    /// assert_eq!(SeedSequence::new(0).generate_state_u32(2), vec![0xb0f478be, 0xdb2cd7e7]);
    /// ```
    pub fn generate_state_u32(&self, n_words: usize) -> Vec<u32> {
        let mut hash_const = INIT_B;
        self.pool
            .iter()
            .cycle()
            .take(n_words)
            .map(|&word| {
                let mut v = word ^ hash_const;
                hash_const = hash_const.wrapping_mul(MULT_B);
                v = v.wrapping_mul(hash_const);
                v ^ (v >> XSHIFT)
            })
            .collect()
    }

    /// `n_words` 64-bit words for seeding, each two 32-bit words read little-endian. Like
    /// `generate_state(n_words, np.uint64)`.
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// let ss = SeedSequence::new(0);
    /// let w32 = ss.generate_state_u32(2);
    /// assert_eq!(ss.generate_state_u64(1)[0], u64::from(w32[0]) | u64::from(w32[1]) << 32);
    /// ```
    pub fn generate_state_u64(&self, n_words: usize) -> Vec<u64> {
        self.generate_state_u32(2 * n_words)
            .chunks_exact(2)
            .map(|w| u64::from(w[0]) | (u64::from(w[1]) << 32))
            .collect()
    }

    /// `n` child sequences that extend this one's spawn key with `0, 1, …` (counting on
    /// from children spawned before). Like `SeedSequence.spawn(n)`.
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// let mut ss = SeedSequence::new(1u64);
    /// let kids = ss.spawn(2);
    /// assert_eq!(kids[1].spawn_key(), &[1]);
    /// assert_eq!(ss.spawn(1)[0].spawn_key(), &[2]);
    /// ```
    pub fn spawn(&mut self, n_children: u32) -> Vec<SeedSequence> {
        let start = self.n_children_spawned;
        self.n_children_spawned = start.saturating_add(n_children);
        (start..self.n_children_spawned)
            .map(|i| {
                let mut key = self.spawn_key.clone();
                key.push(i);
                Self::build(self.entropy.clone(), key, self.pool.len(), 0)
            })
            .collect()
    }

    /// The run entropy as 32-bit words (NumPy's `entropy`, split into words).
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(1u64 << 32).entropy_words(), &[0, 1]);
    /// ```
    pub fn entropy_words(&self) -> &[u32] {
        &self.entropy
    }

    /// The spawn key as 32-bit words (`spawn_key`).
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// let child = &SeedSequence::new(0).spawn(1)[0];
    /// assert_eq!(child.spawn_key(), &[0]);
    /// ```
    pub fn spawn_key(&self) -> &[u32] {
        &self.spawn_key
    }

    /// The mixed entropy pool (`pool`).
    ///
    /// ```
    /// use ndops::random::SeedSequence;
    /// // np.random.SeedSequence(5, spawn_key=(0,)).pool
    /// let ss = SeedSequence::with_spawn_key(5u64, &[0], 4).unwrap();
    /// assert_eq!(ss.pool(), &[888100533, 3275188099, 772039748, 1851353239]);
    /// ```
    pub fn pool(&self) -> &[u32] {
        &self.pool
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_split_into_words_lowest_first() {
        assert_eq!(int_words(0), vec![0]);
        assert_eq!(int_words(0x10_dead_beef), vec![0xdead_beef, 0x10]);
        // NumPy's docstring example: [12345, 0x10deadbeef, 67890, 0xdeadbeef].
        let ss = SeedSequence::new([12345, 0x10_dead_beef, 67890, 0xdead_beef]);
        assert_eq!(
            ss.entropy_words(),
            &[12345, 0xdead_beef, 0x10, 67890, 0xdead_beef]
        );
    }

    #[test]
    fn spawned_children_pad_the_entropy() {
        let child = SeedSequence::with_spawn_key(3u64, &[0], 4).unwrap();
        assert_eq!(child.assembled_entropy(), vec![3, 0, 0, 0, 0]);
        assert_ne!(child.pool(), SeedSequence::new(3u64).pool());
    }
}
