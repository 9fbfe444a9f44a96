__title__ = "relext"
__version__ = "0.1.0"
