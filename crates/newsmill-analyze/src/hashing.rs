//! The hashing every linear model here shares: strings hashed once with xxh3, feature
//! templates combined with [`mix`], and maps keyed by those hashes that do not hash them
//! again.

/// The xxh3 hash of a string: words and templates become `u64` keys once.
pub fn hash_str(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

/// splitmix64's finalizer: hashes of strings and templates are combined with it.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The key of a feature: template `t` with value `a`.
#[inline]
pub fn feature(t: impl Into<u64>, a: u64) -> u64 {
    mix(t.into(), a)
}

/// The key of a feature: template `t` with values `a` and `b`.
#[inline]
pub fn feature2(t: impl Into<u64>, a: u64, b: u64) -> u64 {
    mix(mix(t.into(), a), b)
}

/// A hasher for keys that are already good 64-bit hashes (xxh3, [`mix`]): passes them
/// through instead of hashing them again with SipHash.
#[derive(Default, Clone, Copy)]
pub struct PreHashed(u64);

impl std::hash::Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A hasher for strings (and other byte keys): xxh3 of each piece written, combined with
/// [`mix`]; several times faster than SipHash on the short words the analysis puts in sets.
#[derive(Default, Clone, Copy)]
pub struct Xxh3Hasher(u64);

impl std::hash::Hasher for Xxh3Hasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, xxhash_rust::xxh3::xxh3_64(bytes));
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = mix(self.0, b as u64);
    }
}

/// A set of strings hashed with xxh3.
pub type StrSet<'a> = std::collections::HashSet<&'a str, std::hash::BuildHasherDefault<Xxh3Hasher>>;

/// A map keyed by pre-hashed `u64`s.
pub type HashMap64<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PreHashed>>;
/// A set of pre-hashed `u64`s.
pub type HashSet64 = std::collections::HashSet<u64, std::hash::BuildHasherDefault<PreHashed>>;
