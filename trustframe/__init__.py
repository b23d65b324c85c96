"""TrustFrame: assess the trustworthiness of ICT products and services before you buy them."""

__version__ = "0.1.0"
