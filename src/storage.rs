//! localStorage, with its failures as values: storage can be disabled (privacy settings), full,
//! or throw on access. Callers keep working in memory and tell the user.

/// Why storage could not be used, in words for a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageError(pub String);

fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError("this browser has no local storage".into())),
        Err(_) => Err(StorageError(
            "this browser blocks local storage for this site".into(),
        )),
    }
}

pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageError("reading local storage failed".into()))
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?
        .remove_item(key)
        .map_err(|_| StorageError("local storage is blocked".into()))
}

pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?
        .set_item(key, value)
        .map_err(|_| StorageError("local storage is full or blocked".into()))
}
