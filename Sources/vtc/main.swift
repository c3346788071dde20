print("vtc")
