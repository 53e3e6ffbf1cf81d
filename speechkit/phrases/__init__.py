"""phrases"""
