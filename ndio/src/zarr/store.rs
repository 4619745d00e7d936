//! The directory store under every [`ZarrArray`](super::ZarrArray): zarrs' file system
//! store, with each value written whole under a temporary name beside its key and renamed
//! into place. zarrs' own store truncates a chunk's file and writes it in place, so an
//! interrupted rewrite (a killed process, a full disk) could leave a torn chunk where a good
//! one was; here a chunk is always its old bytes or its new ones.

use std::sync::atomic::{AtomicU64, Ordering};

use zarrs::filesystem::FilesystemStore;
use zarrs::storage::byte_range::ByteRangeIterator;
use zarrs::storage::{
    AtomicRenameStorageTraits, Bytes, ListableStorageTraits, MaybeBytesIterator,
    OffsetBytesIterator, ReadableStorageTraits, StorageError, StoreKey, StoreKeys,
    StoreKeysPrefixes, StorePrefix, WritableStorageTraits,
};

/// What every temporary name ends with (`c/0/.1.nd-4242-7.tmp` for the key `c/0/1`).
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_MARK: &str = ".nd-";

/// A directory store whose writes replace values atomically.
#[derive(Debug)]
pub(crate) struct AtomicStore {
    fs: FilesystemStore,
}

impl AtomicStore {
    pub(crate) fn new(fs: FilesystemStore) -> Self {
        AtomicStore { fs }
    }

    /// A temporary key beside `key` that no other write, in this process or another, uses.
    fn temporary_key(key: &StoreKey) -> Result<StoreKey, StorageError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let (dir, name) = match key.as_str().rsplit_once('/') {
            Some((dir, name)) => (format!("{dir}/"), name),
            None => (String::new(), key.as_str()),
        };
        let pid = std::process::id();
        StoreKey::new(format!("{dir}.{name}{TEMP_MARK}{pid}-{n}{TEMP_SUFFIX}"))
            .map_err(|e| StorageError::Other(e.to_string()))
    }

    /// Whether `key` is a temporary name of this store (left by an interrupted write).
    fn is_temporary(key: &StoreKey) -> bool {
        let name = key.as_str().rsplit('/').next().unwrap_or_default();
        name.starts_with('.') && name.ends_with(TEMP_SUFFIX) && name.contains(TEMP_MARK)
    }

    fn visible(keys: StoreKeys) -> StoreKeys {
        keys.into_iter()
            .filter(|k| !Self::is_temporary(k))
            .collect()
    }
}

impl ReadableStorageTraits for AtomicStore {
    fn get_partial_many<'a>(
        &'a self,
        key: &StoreKey,
        byte_ranges: ByteRangeIterator<'a>,
    ) -> Result<MaybeBytesIterator<'a>, StorageError> {
        self.fs.get_partial_many(key, byte_ranges)
    }

    fn size_key(&self, key: &StoreKey) -> Result<Option<u64>, StorageError> {
        self.fs.size_key(key)
    }

    fn supports_get_partial(&self) -> bool {
        self.fs.supports_get_partial()
    }
}

impl ListableStorageTraits for AtomicStore {
    fn list(&self) -> Result<StoreKeys, StorageError> {
        self.fs.list().map(Self::visible)
    }

    fn list_prefix(&self, prefix: &StorePrefix) -> Result<StoreKeys, StorageError> {
        self.fs.list_prefix(prefix).map(Self::visible)
    }

    fn list_dir(&self, prefix: &StorePrefix) -> Result<StoreKeysPrefixes, StorageError> {
        let listed = self.fs.list_dir(prefix)?;
        Ok(StoreKeysPrefixes::new(
            Self::visible(listed.keys().clone()),
            listed.prefixes().clone(),
        ))
    }

    fn size_prefix(&self, prefix: &StorePrefix) -> Result<u64, StorageError> {
        self.fs.size_prefix(prefix)
    }
}

impl WritableStorageTraits for AtomicStore {
    /// Writes `value` (synced to disk) under a temporary key, then renames it to `key`. On
    /// failure the temporary file is removed and the old value, if any, stays.
    fn set(&self, key: &StoreKey, value: Bytes) -> Result<(), StorageError> {
        let temporary = Self::temporary_key(key)?;
        let written = self
            .fs
            .set(&temporary, value)
            .and_then(|()| self.fs.rename(&temporary, key));
        if written.is_err() {
            // The write's own error is the one to report; the file may not even exist.
            let _ = self.fs.erase(&temporary);
        }
        written
    }

    /// Reads the whole value, updates it and writes it back through [`set`](Self::set)
    /// (zarrs' helper for stores without partial writes).
    fn set_partial_many(
        &self,
        key: &StoreKey,
        offset_values: OffsetBytesIterator,
    ) -> Result<(), StorageError> {
        zarrs::storage::store_set_partial_many(self, key, offset_values)
    }

    fn erase(&self, key: &StoreKey) -> Result<(), StorageError> {
        self.fs.erase(key)
    }

    fn erase_prefix(&self, prefix: &StorePrefix) -> Result<(), StorageError> {
        self.fs.erase_prefix(prefix)
    }

    fn supports_set_partial(&self) -> bool {
        false
    }
}
