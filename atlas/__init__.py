"""CRM Failure Atlas content model: the factor graph, page inventory and the MkDocs plugin
that renders the graph into every language and refuses to build an inconsistent site."""
