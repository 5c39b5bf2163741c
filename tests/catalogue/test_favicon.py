from django.contrib.staticfiles import finders


def test_favicon_ico_redirects_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
    assert finders.find("favicon.svg").endswith("static/favicon.svg")


def test_every_page_names_the_svg_icon(client, db):
    html = client.get("/fr/experts/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
