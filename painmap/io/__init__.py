"""Reading the atlas's own files (maps/ and data/) into PainMap's typed objects, each checked
once at load. A user's files (sessions, logs, exports) are read and written by their own
modules: :mod:`painmap.session`, :mod:`painmap.progress` and :mod:`painmap.export`."""
