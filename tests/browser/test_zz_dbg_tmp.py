def test_rows(demo_server, transfer_meter):
    total, rows = transfer_meter.measure(demo_server.url + "/khoa-hoc/khoi-nghiep-cho-hoc-sinh/")
    print("\nROWS", total, rows)
