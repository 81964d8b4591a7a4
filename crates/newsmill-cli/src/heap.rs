//! The C heap's settings for a process that handles one document after another.

/// Keeps memory freed after a document for the next one instead of handing it back to the
/// system. By default glibc maps every block from 128 KB up afresh and trims the heap as soon
/// as 128 KB at its top are free, so each page's buffers and tree were faulted in anew: 18,500
/// page faults and a tenth of the time of `extract --no-analysis` over 200 news pages. The
/// cost is that the process keeps its peak heap (bounded by the batch size) until it exits.
/// Whether glibc took both settings (it refuses values out of its range).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn keep_freed_memory() -> bool {
    // glibc's largest mmap threshold on 64-bit; a larger block (a huge document) is still
    // mapped on its own and unmapped when freed.
    const MAP_FROM: libc::c_int = 32 << 20;
    const TRIM_FROM: libc::c_int = 128 << 20;
    // SAFETY: mallopt only sets malloc's tuning parameters, under malloc's own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAP_FROM) == 1 && libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_FROM) == 1
    }
}

/// Other C libraries keep their own defaults.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn keep_freed_memory() -> bool {
    false
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    #[test]
    fn glibc_takes_both_settings() {
        assert!(super::keep_freed_memory());
    }
}
