//! Tables built ahead of time and read in place. The gazetteers are compiled into the program
//! in this form (`models/*.bin`, frozen from their text sources by the tests, see
//! [`check_frozen`]): a process reads them without decompressing, parsing or copying, so
//! start-up does not pay for them, and processes running side by side share their pages.
//!
//! Every number is little-endian; readers take byte slices of any alignment.

use std::borrow::Cow;

/// A map from 64-bit keys that are already hashes (xxh3) to `W`-byte values, stored as an
/// open-addressing table: `u32` log2 of the slot count, then the slots, each the key
/// (`u64`, 0 for an empty slot) and its value. A key's home slot is its low bits; collisions
/// go to the next free slot. At most three quarters of the slots are used.
#[derive(Debug, Clone)]
pub struct HashTable<const W: usize> {
    slots: Cow<'static, [u8]>,
    mask: usize,
}

/// Key 0 marks an empty slot, so a key of 0 is stored as 1 (the builder refuses the rare
/// table holding both).
#[inline]
fn stored(key: u64) -> u64 {
    key.max(1)
}

impl<const W: usize> HashTable<W> {
    const SLOT: usize = 8 + W;

    /// A table of `entries`, which must have distinct keys. Slots are filled in key order, so
    /// the same entries always give the same bytes.
    pub fn build(mut entries: Vec<(u64, [u8; W])>) -> Result<Self, &'static str> {
        entries.sort_unstable_by_key(|&(k, _)| stored(k));
        if entries.windows(2).any(|w| stored(w[0].0) == stored(w[1].0)) {
            return Err("two entries share a key");
        }
        let bits = (entries.len() * 4 / 3 + 1).next_power_of_two().trailing_zeros().max(4);
        let mask = (1usize << bits) - 1;
        let mut slots = vec![0u8; Self::SLOT << bits];
        for (key, value) in entries {
            let mut i = stored(key) as usize & mask;
            while slots[i * Self::SLOT..][..8] != [0; 8] {
                i = (i + 1) & mask;
            }
            let slot = &mut slots[i * Self::SLOT..][..Self::SLOT];
            slot[..8].copy_from_slice(&stored(key).to_le_bytes());
            slot[8..].copy_from_slice(&value);
        }
        Ok(HashTable { slots: Cow::Owned(slots), mask })
    }

    /// The table at the front of `bytes`, read in place, and the bytes after it.
    pub fn read(bytes: &'static [u8]) -> Result<(Self, &'static [u8]), &'static str> {
        let (bits, rest) = take_u32(bytes)?;
        if bits > 30 {
            return Err("a hash table of impossible size");
        }
        let len = Self::SLOT << bits;
        if rest.len() < len {
            return Err("a hash table cut short");
        }
        let (slots, rest) = rest.split_at(len);
        Ok((HashTable { slots: Cow::Borrowed(slots), mask: (1usize << bits) - 1 }, rest))
    }

    /// Appends the table in the form [`read`](Self::read) reads.
    #[cfg(test)]
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.mask + 1).trailing_zeros().to_le_bytes());
        out.extend_from_slice(&self.slots);
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<[u8; W]> {
        let key = stored(key);
        let mut i = key as usize & self.mask;
        // A table read from bytes could be full: stop after one turn.
        for _ in 0..=self.mask {
            let slot = self.slots.get(i * Self::SLOT..(i + 1) * Self::SLOT)?;
            let (k, v) = slot.split_at(8);
            match u64::from_le_bytes(k.try_into().ok()?) {
                0 => return None,
                k if k == key => return v.try_into().ok(),
                _ => i = (i + 1) & self.mask,
            }
        }
        None
    }
}

/// How a file holding one [`HashTable`] starts.
const TABLE_MAGIC: &[u8; 8] = b"NMTABLE1";

impl<const W: usize> HashTable<W> {
    /// The table of a file written by [`write_file`](Self::write_file), read in place.
    pub fn read_file(bytes: &'static [u8]) -> Result<Self, &'static str> {
        let rest = bytes.strip_prefix(TABLE_MAGIC.as_slice()).ok_or("bad magic")?;
        let (width, rest) = take_u32(rest)?;
        if width as usize != W {
            return Err("values of another width");
        }
        match Self::read(rest)? {
            (table, []) => Ok(table),
            _ => Err("trailing bytes"),
        }
    }

    /// The file [`read_file`](Self::read_file) reads.
    #[cfg(test)]
    pub fn write_file(&self) -> Vec<u8> {
        let mut out = TABLE_MAGIC.to_vec();
        out.extend_from_slice(&(W as u32).to_le_bytes());
        self.write(&mut out);
        out
    }
}

/// A little-endian `u32` from the front of `bytes`, and the bytes after it.
pub fn take_u32(bytes: &[u8]) -> Result<(u32, &[u8]), &'static str> {
    let (head, rest) = bytes.split_first_chunk::<4>().ok_or("cut short")?;
    Ok((u32::from_le_bytes(*head), rest))
}

/// A little-endian `u64` from the front of `bytes`, and the bytes after it.
pub fn take_u64(bytes: &[u8]) -> Result<(u64, &[u8]), &'static str> {
    let (head, rest) = bytes.split_first_chunk::<8>().ok_or("cut short")?;
    Ok((u64::from_le_bytes(*head), rest))
}

/// Checks that the frozen table the program embeds (`models/<file>`) is `fresh`, the bytes
/// frozen now from its source; with `NEWSMILL_FREEZE=1` it writes them instead. Tests call
/// this for every frozen table, so a source edited without refreezing fails the build.
#[cfg(test)]
pub fn check_frozen(file: &str, embedded: &[u8], fresh: &[u8]) {
    if embedded == fresh {
        return;
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(file);
    if std::env::var_os("NEWSMILL_FREEZE").is_some() {
        std::fs::write(&path, fresh).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    panic!(
        "models/{file} is not frozen from its source: run `NEWSMILL_FREEZE=1 cargo test -p newsmill-analyze --lib \
         frozen` and commit it"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<const W: usize>(t: &HashTable<W>) -> HashTable<W> {
        let mut bytes = Vec::new();
        t.write(&mut bytes);
        bytes.extend_from_slice(b"tail");
        let (read, rest) = HashTable::<W>::read(Vec::leak(bytes)).unwrap();
        assert_eq!(rest, b"tail");
        read
    }

    #[test]
    fn finds_every_key_and_no_other() {
        // Keys that share home slots, a key of 0, and keys that wrap around the end.
        let mut entries: Vec<(u64, [u8; 2])> = (0..1000u64).map(|i| (i.wrapping_mul(1 << 12) | 7, [i as u8, 1])).collect();
        entries.push((0, [9, 9]));
        entries.push((u64::MAX, [8, 8]));
        let t = round_trip(&HashTable::build(entries.clone()).unwrap());
        for (k, v) in &entries {
            assert_eq!(t.get(*k), Some(*v), "{k}");
        }
        for k in [2u64, 3, 1 << 40, 0xFFFF_FFFF] {
            assert_eq!(t.get(k), None, "{k}");
        }
        assert!(t.slots.len() >= entries.len() * 4 / 3 * 10);
    }

    #[test]
    fn a_table_file_says_what_it_holds() {
        let t = HashTable::build(vec![(42, [1, 2])]).unwrap();
        let file: &'static [u8] = Vec::leak(t.write_file());
        assert_eq!(HashTable::<2>::read_file(file).unwrap().get(42), Some([1, 2]));
        assert!(HashTable::<3>::read_file(file).is_err());
        assert!(HashTable::<2>::read_file(&file[1..]).is_err());
        assert!(HashTable::<2>::read_file(&file[..file.len() - 1]).is_err());
    }

    #[test]
    fn refuses_shared_keys_and_short_bytes() {
        assert!(HashTable::build(vec![(5, [1]), (5, [2])]).is_err());
        assert!(HashTable::build(vec![(0, [1]), (1, [2])]).is_err());
        assert!(HashTable::<1>::read(&[4, 0, 0, 0, 1, 2]).is_err());
        assert!(HashTable::<1>::read(&[40, 0, 0, 0]).is_err());
        let empty = round_trip(&HashTable::<1>::build(Vec::new()).unwrap());
        assert_eq!(empty.get(0), None);
    }
}
