import HushKit
print("hush")
