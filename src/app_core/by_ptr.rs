//! [`ByPtr`]: an `Rc` that compares by pointer, for the components'
//! props.
//!
//! Yew re-renders a component when its props compare unequal. The state
//! hands out its text, document, rows and lists behind `Rc`s, and a new
//! value is always a new `Rc`, so comparing pointers is both enough and
//! cheap: comparing a long text or a whole outline by value on every
//! render would not be. With every such prop a `ByPtr`, props derive
//! `PartialEq`, and a prop added later takes part in the comparison by
//! itself.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An `Rc<T>` equal only to clones of itself.
pub struct ByPtr<T: ?Sized>(Rc<T>);

impl<T: ?Sized> ByPtr<T> {
    pub fn new(value: Rc<T>) -> Self {
        ByPtr(value)
    }

    /// The `Rc` itself, to keep or hand on.
    pub fn rc(&self) -> &Rc<T> {
        &self.0
    }
}

impl<T: ?Sized> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(Rc::clone(&self.0))
    }
}

impl<T: ?Sized> From<Rc<T>> for ByPtr<T> {
    fn from(value: Rc<T>) -> Self {
        ByPtr(value)
    }
}

impl<T: ?Sized> Deref for ByPtr<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Eq for ByPtr<T> {}

impl<T: ?Sized + fmt::Debug> fmt::Debug for ByPtr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_in_two_rcs_differ() {
        let text: Rc<str> = Rc::from("同志们：");
        let by_ptr = ByPtr::new(Rc::clone(&text));
        assert_eq!(by_ptr, ByPtr::from(text));
        assert_eq!(by_ptr, by_ptr.clone());
        assert_ne!(by_ptr, ByPtr::from(Rc::<str>::from("同志们：")));
        assert_eq!(&*by_ptr, "同志们：");
    }
}
