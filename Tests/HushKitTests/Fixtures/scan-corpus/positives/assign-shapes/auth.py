def check(request, params):
    if request.args.get("token") == "opensaysme1874":
    if params["password"] == "secret8878":
    if request.headers.get('X-Api-Key') != 'qpbng633':
PASSWORD = "password123"
