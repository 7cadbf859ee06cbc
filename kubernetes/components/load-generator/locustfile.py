"""A shopper journey for MIR Shop, weighted like Online Boutique's load generator.

It discovers product and category links from the pages it gets, so it keeps working when the catalog
changes, and it sends the CSRF cookie and hidden field with every form it submits.
"""
import random
import re

from locust import FastHttpUser, between, task

LINK = re.compile(r'href="(/(?:products|t|categories)/[^"#?]+)"')
FORM = re.compile(r'<form[^>]*action="([^"]*cart[^"]*)"[^>]*>(.*?)</form>', re.S)
HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"')


class Shopper(FastHttpUser):
    wait_time = between(1, 5)

    def on_start(self):
        self.products = []
        self.categories = []
        self.index()

    def remember_links(self, html):
        for link in set(LINK.findall(html)):
            (self.products if link.startswith("/products/") else self.categories).append(link)
        self.products = self.products[-50:]
        self.categories = self.categories[-20:]

    @task(1)
    def index(self):
        with self.client.get("/", name="/", catch_response=True) as response:
            self.remember_links(response.text or "")

    @task(10)
    def browse_category(self):
        if self.categories:
            with self.client.get(random.choice(self.categories), name="/t/[category]", catch_response=True) as r:
                self.remember_links(r.text or "")

    @task(6)
    def view_product(self):
        if self.products:
            self.client.get(random.choice(self.products), name="/products/[slug]")

    @task(3)
    def view_cart(self):
        self.client.get("/cart", name="/cart")

    @task(2)
    def add_to_cart(self):
        if not self.products:
            return
        page = self.client.get(random.choice(self.products), name="/products/[slug]").text or ""
        form = FORM.search(page)
        if form:
            fields = dict(HIDDEN.findall(form.group(2)))
            fields.setdefault("quantity", str(random.randint(1, 3)))
            self.client.post(form.group(1), data=fields, name="POST " + form.group(1))

    @task(1)
    def checkout(self):
        self.add_to_cart()
        self.client.get("/checkout", name="/checkout")
