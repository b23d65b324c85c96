"""Reports: content building (:mod:`.model`, :mod:`.charts`), safety (:mod:`.safety`) and
rendering to PDF (:mod:`.pdf`, Jinja2 + WeasyPrint) and Excel (:mod:`.excel`, openpyxl).

This package imports the domain only; the report service gathers the data.
"""
