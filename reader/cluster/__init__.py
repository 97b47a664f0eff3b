"""reader on a Dask cluster: ``reader stories`` and ``reader align --all`` with ``--scheduler``.

Importing this package imports no Dask: :mod:`reader.cluster.connect` does,
when a command is given a scheduler. :mod:`reader.cluster.tasks` is what
the workers run (plain Python over ``reader.core``), :mod:`reader.cluster.run`
what the client does: it lists the files, hands out the work and puts the
answers in the order one machine gives them.
"""
